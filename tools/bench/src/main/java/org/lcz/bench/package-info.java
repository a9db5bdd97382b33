/** Benchmarks and reproductions of the platform, run by {@code ./lcz}; no service ships them. */
package org.lcz.bench;
