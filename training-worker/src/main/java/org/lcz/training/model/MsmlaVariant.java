package org.lcz.training.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The two published depths of MSMLA. */
public enum MsmlaVariant {
  /** Basic SE blocks, one projection and one identity block per stage. */
  MSMLA_18("msmla-18", false, new int[] {2, 2, 2}),
  /** Bottleneck SE blocks, 1+2, 1+3 and 1+5 blocks per stage. */
  MSMLA_50("msmla-50", true, new int[] {3, 4, 6});

  /** Stage widths [d, 2d, 4d] with d = 16. */
  static final int[] WIDTHS = {16, 32, 64};

  /** Stage strides. */
  static final int[] STRIDES = {1, 2, 2};

  private final String id;
  private final boolean bottleneck;
  private final int[] blocksPerStage;

  MsmlaVariant(String id, boolean bottleneck, int[] blocksPerStage) {
    this.id = id;
    this.bottleneck = bottleneck;
    this.blocksPerStage = blocksPerStage;
  }

  /** The name requests and the command line use: {@code msmla-18}, {@code msmla-50}. */
  @JsonValue
  public String id() {
    return id;
  }

  /** The architecture name in the model contract: {@code MSMLA-18}, {@code MSMLA-50}. */
  public String architecture() {
    return id.toUpperCase(Locale.ROOT);
  }

  boolean bottleneck() {
    return bottleneck;
  }

  int blocks(int stage) {
    return blocksPerStage[stage];
  }

  /** Channels out of stage {@code stage}. */
  int stageChannels(int stage) {
    return bottleneck ? 4 * WIDTHS[stage] : WIDTHS[stage];
  }

  /** The variant named {@code id} (case-insensitive), or a clear error listing the known ones. */
  @JsonCreator
  public static MsmlaVariant of(String id) {
    return Arrays.stream(values())
        .filter(v -> v.id.equalsIgnoreCase(id.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown variant '"
                        + id
                        + "'; known: "
                        + ids().stream().collect(Collectors.joining(", "))));
  }

  /** The known ids. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(MsmlaVariant::id).toList();
  }
}
