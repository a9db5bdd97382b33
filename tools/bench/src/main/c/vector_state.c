/*
 * Does this machine keep vector state and masked memory operations exact, without PyTorch?
 * (`./lcz kernel-repro machine`; run it beside a busy process to check under contention.)
 *  1. all 32 zmm registers hold a known value across a spin long enough to be preempted, many
 *     times, compared lane by lane;
 *  2. AVX-512 and AVX2 masked stores into fresh (not yet faulted) pages and masked loads from them
 *     equal what a scalar copy gives, and masked-off lanes next to an inaccessible page neither
 *     fault nor change;
 *  3. freshly mapped pages read as zeros.
 * Prints the counts and exits 1 if anything was wrong.
 */
#include <immintrin.h>
#include <signal.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

static sigjmp_buf jump;
static volatile int faults;
static void on_segv(int s) { (void)s; faults++; siglongjmp(jump, 1); }

#define Z(n) "vmovdqa64 %%zmm0, %%zmm" #n "\n\t"
#define S(n) "vmovdqu64 %%zmm" #n ", " #n "*64(%[o])\n\t"

static long registers(long iterations) {
  long wrong = 0;
  static uint64_t out[32][8] __attribute__((aligned(64)));
  for (long i = 0; i < iterations; i++) {
    uint64_t v = 0x9E3779B97F4A7C15ull * (uint64_t)(i + 1);
    __asm__ volatile("vpbroadcastq %[v], %%zmm0\n\t" Z(1) Z(2) Z(3) Z(4) Z(5) Z(6) Z(7) Z(8) Z(9) Z(10)
                     Z(11) Z(12) Z(13) Z(14) Z(15) Z(16) Z(17) Z(18) Z(19) Z(20) Z(21) Z(22) Z(23) Z(24)
                     Z(25) Z(26) Z(27) Z(28) Z(29) Z(30) Z(31)
                     "mov $200000, %%ecx\n1: pause\n\t dec %%ecx\n\t jnz 1b\n\t"
                     S(0) S(1) S(2) S(3) S(4) S(5) S(6) S(7) S(8) S(9) S(10) S(11) S(12) S(13) S(14) S(15)
                     S(16) S(17) S(18) S(19) S(20) S(21) S(22) S(23) S(24) S(25) S(26) S(27) S(28) S(29)
                     S(30) S(31)
                     :
                     : [v] "r"(v), [o] "r"(out)
                     : "ecx", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
                       "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "xmm16",
                       "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22", "xmm23", "xmm24", "xmm25",
                       "xmm26", "xmm27", "xmm28", "xmm29", "xmm30", "xmm31");
    for (int r = 0; r < 32; r++)
      for (int l = 0; l < 8; l++) wrong += out[r][l] != v;
  }
  return wrong;
}

static long masked(int rounds, long *checked) {
  const long page = 4096;
  long wrong = 0;
  signal(SIGSEGV, on_segv);
  for (int it = 0; it < rounds; it++) {
    size_t n = 64 * page / 4;
    float *a = mmap(NULL, n * 4, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (size_t i = 0; i < n; i += 16) {
      __mmask16 m = (__mmask16)(0x7u << ((i / 16) % 13));
      _mm512_mask_storeu_ps(a + i, m, _mm512_set1_ps((float)(i + 1)));
    }
    for (size_t i = 0; i < n; i += 16) {
      unsigned m = 0x7u << ((i / 16) % 13);
      for (int l = 0; l < 16; l++) {
        float want = (m >> l & 1) ? (float)(i + 1) : 0.0f;
        (*checked)++;
        wrong += a[i + l] != want;
      }
    }
    float *fresh = mmap(NULL, 16 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int p = 0; p < 16; p++) {
      float o[16];
      _mm512_storeu_ps(o, _mm512_mask_loadu_ps(_mm512_set1_ps(7), 0x00FF, fresh + p * page / 4 + 3));
      for (int l = 0; l < 16; l++) {
        (*checked)++;
        wrong += o[l] != (l < 8 ? 0.0f : 7.0f);
      }
    }
    float *g = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int l = 0; l < 1024; l++) g[l] = (float)l;
    mprotect((char *)g + page, page, PROT_NONE);
    if (!sigsetjmp(jump, 1)) {
      float o[16];
      _mm512_storeu_ps(o, _mm512_mask_loadu_ps(_mm512_set1_ps(-1), 0x001F, g + 1024 - 5));
      for (int l = 0; l < 16; l++) {
        (*checked)++;
        wrong += o[l] != (l < 5 ? (float)(1019 + l) : -1.0f);
      }
      __m256 w = _mm256_maskload_ps(g + 1024 - 3, _mm256_setr_epi32(-1, -1, -1, 0, 0, 0, 0, 0));
      float q[8];
      _mm256_storeu_ps(q, w);
      for (int l = 0; l < 8; l++) {
        (*checked)++;
        wrong += q[l] != (l < 3 ? (float)(1021 + l) : 0.0f);
      }
    }
    munmap(a, n * 4);
    munmap(fresh, 16 * page);
    munmap(g, 2 * page);
  }
  return wrong;
}

int main(int argc, char **argv) {
  long iterations = argc > 1 ? atol(argv[1]) : 2000;
  long checked = 0;
  long reg = registers(iterations);
  long mask = masked(500, &checked);
  printf("zmm0-31 kept across %ld preemptible spins: %ld lanes wrong of %ld\n", iterations, reg, iterations * 256);
  printf("masked loads and stores, fresh pages, guard page: %ld values wrong of %ld, %d faults\n", mask, checked, faults);
  return reg || mask || faults;
}
