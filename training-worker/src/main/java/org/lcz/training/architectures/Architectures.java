package org.lcz.training.architectures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lcz.training.model.Architecture;
import org.lcz.training.model.LczNetwork;
import org.lcz.training.model.MsmlaArchitecture;
import org.lcz.training.model.sen2lcz.Sen2LczNet;

/**
 * The one registry of the architectures the training worker can train: a new architecture is its
 * own package (an {@link Architecture} and its blocks) and one line in {@link #KNOWN}. Variants are
 * named in lower case ({@code msmla-18}); the model contract names the architecture in upper case
 * ({@code MSMLA-18}).
 */
public final class Architectures {
  private static final List<Architecture> KNOWN =
      List.of(new MsmlaArchitecture(), new Sen2LczNet());

  private Architectures() {}

  /** Every architecture, in registry order. */
  public static List<Architecture> all() {
    return KNOWN;
  }

  /** Every variant of every architecture, in registry order. */
  public static List<String> variants() {
    List<String> all = new ArrayList<>();
    KNOWN.forEach(a -> all.addAll(a.variants()));
    return List.copyOf(all);
  }

  /**
   * The variant named {@code id} (case-insensitive, trimmed) in its canonical lower-case form.
   *
   * @throws IllegalArgumentException naming the unknown variant and the known ones
   */
  public static String variant(String id) {
    return id(id);
  }

  /** The architecture a variant belongs to. */
  public static Architecture of(String variant) {
    String id = id(variant);
    return KNOWN.stream().filter(a -> a.variants().contains(id)).findFirst().orElseThrow();
  }

  /** A new, uninitialised network of the variant. */
  public static LczNetwork build(String variant, int bands, int classes) {
    String id = id(variant);
    return of(id).build(id, bands, classes);
  }

  /** The architecture's name in the model contract and card: the variant in upper case. */
  public static String contractName(String variant) {
    return id(variant).toUpperCase(Locale.ROOT);
  }

  /** The variant a model contract's architecture name ({@code MSMLA-18}) stands for. */
  public static String ofContractName(String architecture) {
    return id(architecture);
  }

  private static String id(String variant) {
    if (variant == null) {
      throw new IllegalArgumentException(
          "no variant given; known: " + String.join(", ", variants()));
    }
    String id = variant.trim().toLowerCase(Locale.ROOT);
    for (Architecture a : KNOWN) {
      if (a.variants().contains(id)) {
        return id;
      }
    }
    throw new IllegalArgumentException(
        "unknown variant '" + variant + "'; known: " + String.join(", ", variants()));
  }
}
