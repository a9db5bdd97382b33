package org.lcz.training.model;

import java.util.List;

/**
 * A family of networks from one publication, and its variants: what training, export, the card and
 * the command line need from an architecture. Implementations are listed in {@code
 * org.lcz.training.architectures.Architectures}, the one registry.
 */
public interface Architecture {
  /** The family's name ({@code MSMLA}). */
  String name();

  /** The publication the networks follow, for the ONNX model's description and the docs. */
  String reference();

  /** The variants, as requests and the command line name them ({@code msmla-18}, lower case). */
  List<String> variants();

  /**
   * A new, uninitialised network.
   *
   * @param variant one of {@link #variants()}
   * @throws IllegalArgumentException for bands below 1, fewer than 2 classes or an unknown variant
   */
  LczNetwork build(String variant, int bands, int classes);

  /**
   * The patch size must be a multiple of this (the network's poolings halve it), 1 when any size
   * works.
   */
  default int patchMultiple() {
    return 1;
  }
}
