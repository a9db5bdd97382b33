/*
 * For `./lcz kernel-repro`'s "denormals flushed" rows: sets MXCSR's flush-to-zero and
 * denormals-are-zero bits on the calling thread (org.lcz.bench.kernels.Denormals). HotSpot loads
 * its standard MXCSR whenever native code calls into Java, so the bits must be set from Java's
 * thread itself, before it calls PyTorch; threads PyTorch creates afterwards inherit them.
 * Built by ./lcz with gcc when one is installed.
 */
#include <jni.h>
#include <xmmintrin.h>

JNIEXPORT jint JNICALL Java_org_lcz_bench_kernels_Denormals_flushOnThisThread(JNIEnv *env, jclass cls) {
  (void)env;
  (void)cls;
  _mm_setcsr(_mm_getcsr() | 0x8040); /* FTZ (bit 15) | DAZ (bit 6) */
  return (jint)_mm_getcsr();
}
