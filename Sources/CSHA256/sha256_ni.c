// The SHA-256 compression function on the x86 SHA extensions (SHA-NI).
//
// The algorithm is the one from Intel's "Intel SHA Extensions" white paper (Sean Gulley et
// al., 2013), as in the public-domain intrinsics version by Sean Gulley and Jeffrey Walton
// (SHA-Intrinsics, sha256-x86.c) and the Linux kernel's sha256_ni_asm. The sixteen groups of
// four rounds are written as one loop the compiler unrolls instead of spelled out.
#include "CSHA256.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define SHA_NI_TARGET __attribute__((target("sha,sse4.1,ssse3")))

/// The round constants K0…K63 (FIPS 180-4 §4.2.2), four to a vector.
static const uint32_t k256[64] __attribute__((aligned(16))) = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

SHA_NI_TARGET
void budget_sha256_ni_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
  // The message is big-endian: this shuffle swaps the bytes of each 32-bit word.
  const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

  // sha256rnds2 wants the state as ABEF and CDGH (high to low), not ABCD and EFGH.
  __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);   // DCBA
  __m128i state1 = _mm_loadu_si128((const __m128i *)&state[4]); // HGFE
  tmp = _mm_shuffle_epi32(tmp, 0xB1);                            // CDAB
  state1 = _mm_shuffle_epi32(state1, 0x1B);                      // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);              // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);                   // CDGH

  for (; blocks > 0; blocks--, data += 64) {
    const __m128i abef_save = state0;
    const __m128i cdgh_save = state1;
    // msg[g % 4] holds W[4g…4g+3] when group g starts.
    __m128i msg[4];

#if defined(__clang__)
#pragma clang loop unroll(full)
#endif
    for (int g = 0; g < 16; g++) {
      if (g < 4) {
        msg[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * g)), byteswap);
      }
      // Rounds 4g, 4g+1 with the low two words of W+K, then 4g+2, 4g+3 with the high two.
      __m128i wk = _mm_add_epi32(msg[g & 3], _mm_load_si128((const __m128i *)&k256[4 * g]));
      state1 = _mm_sha256rnds2_epu32(state1, state0, wk);
      if (g >= 3 && g <= 14) {
        // Finish W[4(g+1)…4(g+1)+3]: W[t-16] + σ0(W[t-15]) (msg1, done earlier) + W[t-7],
        // then σ1(W[t-2]) (msg2).
        const int next = (g + 1) & 3;
        tmp = _mm_alignr_epi8(msg[g & 3], msg[(g + 3) & 3], 4);
        msg[next] = _mm_sha256msg2_epu32(_mm_add_epi32(msg[next], tmp), msg[g & 3]);
      }
      wk = _mm_shuffle_epi32(wk, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, wk);
      if (g >= 1 && g <= 12) {
        // Start W for group g+3: W[t-16] + σ0(W[t-15]).
        const int previous = (g + 3) & 3;
        msg[previous] = _mm_sha256msg1_epu32(msg[previous], msg[g & 3]);
      }
    }

    state0 = _mm_add_epi32(state0, abef_save);
    state1 = _mm_add_epi32(state1, cdgh_save);
  }

  // Back from ABEF / CDGH to ABCD / EFGH.
  tmp = _mm_shuffle_epi32(state0, 0x1B);       // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);    // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0); // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);    // HGFE
  _mm_storeu_si128((__m128i *)&state[0], state0);
  _mm_storeu_si128((__m128i *)&state[4], state1);
}

#else

void budget_sha256_ni_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
  // Never reached: budget_sha256_ni_available() is 0 here and Swift checks it. A silent
  // no-op would give a wrong digest, so stop instead.
  (void)state;
  (void)data;
  (void)blocks;
  __builtin_trap();
}

#endif
