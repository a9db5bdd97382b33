/** {@code ./lcz region-benchmark}: the time and heap to fuse a region from its members. */
package org.lcz.bench.region;
