/**
 * A synthetic but learnable LCZ world: scenes with known ground truth, deterministic from a seed.
 */
package org.lcz.synth;
