/** The tiling benchmark: tiling throughput against a plain read and upload, and peak heap. */
package org.lcz.bench.tiling;
