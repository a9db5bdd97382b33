package org.lcz.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Builds MSMLA (Kim, Jeong &amp; Kim 2021, ISPRS J. P&amp;RS 181) as a DJL block, faithful to the
 * published code: for 10 input bands and 17 classes, counting batch-norm running statistics,
 * MSMLA-18 has 181,867 parameters and MSMLA-50 808,913.
 *
 * <pre>{@code
 * Block net = Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(10).setClasses(17).build();
 * }</pre>
 */
public final class Msmla {
  private Msmla() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Class probabilities from the network's logits (softmax over the class axis). */
  public static NDArray probabilities(NDArray logits) {
    return logits.softmax(-1);
  }

  /** Every parameter value of an initialised block, batch-norm running statistics included. */
  public static long parameterCount(Block block) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      n += p.getValue().getArray().size();
    }
    return n;
  }

  /** Builds an {@link MsmlaBlock}. {@code setX} are required, {@code optX} have defaults. */
  public static final class Builder {
    private MsmlaVariant variant;
    private int bands;
    private int classes = 17;

    private Builder() {}

    /** Which depth (required). */
    public Builder setVariant(MsmlaVariant value) {
      this.variant = value;
      return this;
    }

    /** Number of input bands (required). */
    public Builder setBands(int value) {
      this.bands = value;
      return this;
    }

    /** Number of classes (default 17, the LCZ classes). */
    public Builder optClasses(int value) {
      this.classes = value;
      return this;
    }

    /** The network; initialise it with input shape (N, bands, H, W). */
    public MsmlaBlock build() {
      if (variant == null) {
        throw new IllegalArgumentException("MSMLA needs a variant: one of " + MsmlaVariant.ids());
      }
      if (bands < 1) {
        throw new IllegalArgumentException("MSMLA needs at least one input band, got " + bands);
      }
      if (classes < 2) {
        throw new IllegalArgumentException("MSMLA needs at least two classes, got " + classes);
      }
      return new MsmlaBlock(variant, bands, classes);
    }
  }
}
