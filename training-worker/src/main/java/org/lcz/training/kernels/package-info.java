/**
 * The CPU kernels' self-check: every convolution of a network run through PyTorch against a float64
 * reference before training, and a channel-padded form for a convolution whose direct form this
 * machine computes wrongly (oneDNN on a CPU that reports no cache sizes; training worker README,
 * "CPU kernels").
 */
package org.lcz.training.kernels;
