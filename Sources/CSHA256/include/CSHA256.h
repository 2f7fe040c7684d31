#ifndef BUDGET_CSHA256_H
#define BUDGET_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the x86 SHA extensions (SHA-NI) with SSSE3 and SSE4.1, which
/// `budget_sha256_ni_blocks` needs; 0 otherwise, and always 0 on other architectures.
/// Asks cpuid once and remembers the answer.
int budget_sha256_ni_available(void);

/// Runs the SHA-256 compression function (FIPS 180-4) over `blocks` whole 64-byte blocks
/// at `data`. `state` holds H0…H7 in FIPS order (as the Swift code keeps them).
/// Only call it when `budget_sha256_ni_available()` returned 1: on a CPU without SHA-NI the
/// instructions trap. On other architectures it does nothing.
void budget_sha256_ni_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
