package org.lcz.training.model.sen2lcz;

import java.util.List;
import org.lcz.training.model.Architecture;
import org.lcz.training.model.LczNetwork;

/**
 * Sen2LCZ-Net-MF as an {@link Architecture}: one variant, {@code sen2lcz-net-mf}, the multilevel
 * fusion network as its authors trained it (four stages of four 3×3 convolutions, 16 → 128 filters;
 * dropout 0.2; four classifiers averaged).
 */
public final class Sen2LczNet implements Architecture {
  /** The variant's name. */
  public static final String VARIANT = "sen2lcz-net-mf";

  @Override
  public String name() {
    return "Sen2LCZ-Net";
  }

  @Override
  public String reference() {
    return "Qiu, Mou, Schmitt & Zhu 2020, IEEE JSTARS 13";
  }

  @Override
  public List<String> variants() {
    return List.of(VARIANT);
  }

  @Override
  public LczNetwork build(String variant, int bands, int classes) {
    if (!VARIANT.equals(variant)) {
      throw new IllegalArgumentException(
          "unknown variant '" + variant + "'; Sen2LCZ-Net has " + VARIANT);
    }
    if (bands < 1) {
      throw new IllegalArgumentException("Sen2LCZ-Net needs at least one input band, got " + bands);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("Sen2LCZ-Net needs at least two classes, got " + classes);
    }
    return new Sen2LczBlock(bands, classes);
  }

  /** Three 2×2 poolings: the patch must be a multiple of 8. */
  @Override
  public int patchMultiple() {
    return 8;
  }
}
