// Which SHA-256 instructions this CPU has, asked once.
#include "CSHA256.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <stdatomic.h>

/// -1 until the first call asks cpuid; then 0 or 1. Relaxed is enough: every thread that
/// races on the first call computes the same answer.
static _Atomic int sha_ni_cached = -1;

static int sha_ni_detect(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  const int ssse3 = (ecx >> 9) & 1;
  const int sse41 = (ecx >> 19) & 1;
  if (__get_cpuid_max(0, 0) < 7) return 0;
  __cpuid_count(7, 0, eax, ebx, ecx, edx);
  const int sha = (ebx >> 29) & 1;
  return ssse3 && sse41 && sha;
}

int budget_sha256_ni_available(void) {
  int cached = atomic_load_explicit(&sha_ni_cached, memory_order_relaxed);
  if (cached < 0) {
    cached = sha_ni_detect();
    atomic_store_explicit(&sha_ni_cached, cached, memory_order_relaxed);
  }
  return cached;
}

#else

int budget_sha256_ni_available(void) { return 0; }

#endif
