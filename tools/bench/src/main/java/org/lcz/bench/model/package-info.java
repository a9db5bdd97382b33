/** Throughput measurements of the network on this machine. */
package org.lcz.bench.model;
