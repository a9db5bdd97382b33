/**
 * {@code ./lcz kernel-repro}: the reproduction of the NaN losses and wrong gradients of PyTorch's
 * CPU kernels on the project's machines, layer by layer and for the whole network, under each
 * kernel setting, thread count, load and denormal mode (training worker README, "CPU kernels").
 */
package org.lcz.bench.kernels;
