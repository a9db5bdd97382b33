/*
 * What this CPU says about its caches, read the way oneDNN 3.7.1's CPU detection reads it
 * (`./lcz kernel-repro machine`). On an AMD CPU oneDNN takes the L1, L2 and L3 data caches from
 * CPUID leaf 0x8000001D, sub-leaves 0, 2 and 3, as (ways + 1) × (partitions + 1) × (line size + 1)
 * × (sets + 1) bytes, without checking that the leaf describes a cache; a leaf of zeros therefore
 * reads as caches of 1 byte. Leaf 0x80000006 (the legacy L2/L3 description) is printed beside it.
 */
#include <cpuid.h>
#include <stdio.h>
#include <string.h>

static unsigned bits(unsigned v, int lo, int hi) { return (v >> lo) & ((1u << (hi - lo + 1)) - 1); }

int main(void) {
  unsigned a, b, c, d;
  char vendor[13] = {0};
  __cpuid(0, a, b, c, d);
  memcpy(vendor, &b, 4);
  memcpy(vendor + 4, &d, 4);
  memcpy(vendor + 8, &c, 4);
  unsigned maxBasic = a;
  __cpuid(0x80000000, a, b, c, d);
  unsigned maxExtended = a;
  __cpuid(0x80000001, a, b, c, d);
  int topoext = (c >> 22) & 1;
  printf("vendor %s, highest leaf 0x%x, highest extended leaf 0x%x, topoext %d\n", vendor, maxBasic,
         maxExtended, topoext);
  int empty = 1;
  const int subleaves[] = {0, 2, 3};
  const char *names[] = {"L1 data", "L2", "L3"};
  for (int i = 0; i < 3; i++) {
    __cpuid_count(0x8000001D, subleaves[i], a, b, c, d);
    unsigned type = bits(a, 0, 4), level = bits(a, 5, 7);
    unsigned long long size = (unsigned long long)(bits(b, 22, 31) + 1) * (bits(b, 12, 21) + 1) *
                              (bits(b, 0, 11) + 1) * ((unsigned long long)c + 1);
    if (type != 0) empty = 0;
    printf("leaf 0x8000001D.%d (%s): type %u, level %u, eax %08x ebx %08x ecx %08x -> %llu bytes\n",
           subleaves[i], names[i], type, level, a, b, c, size);
  }
  __cpuid(0x80000005, a, b, c, d);
  printf("leaf 0x80000005: L1 data %u KB, %u-way\n", c >> 24, bits(c, 16, 23));
  __cpuid(0x80000006, a, b, c, d);
  printf("leaf 0x80000006: L2 %u KB (associativity code %u); L3 %u x 512 KB = %u MB (associativity code %u)\n",
         c >> 16, bits(c, 12, 15), d >> 18, (d >> 18) / 2, bits(d, 12, 15));
  if (maxExtended >= 0x8000001D && empty) {
    printf("=> the CPU claims leaf 0x8000001D but it describes no cache: oneDNN 3.7.1 sizes L1, L2 and L3 at 1 byte each\n");
    return 1;
  }
  printf("=> leaf 0x8000001D describes the caches\n");
  return 0;
}
