package org.lcz.inference.map;

import java.util.Locale;

/**
 * Where one tile's time went: reading it (object store GET and GeoTIFF decoding), mapping it
 * (patches cut and normalised, classified in batches) and writing its map tile (encoding and PUT).
 * The worker reports one per tile it maps — to its metrics ({@code lcz_tile_seconds}), its log and
 * the inference benchmark — so that "where does the time go?" has an answer on any machine.
 *
 * @param patches the cells classified (cells without data are not classified)
 * @param classifyNanos the part of {@code mapNanos} spent inside the classifier (the rest is
 *     cutting, normalising and placing patches)
 */
public record TileTimes(
    String sceneId,
    String tileId,
    int patches,
    long readNanos,
    long mapNanos,
    long classifyNanos,
    long writeNanos) {

  public TileTimes {
    if (patches < 0 || readNanos < 0 || mapNanos < 0 || writeNanos < 0 || classifyNanos < 0) {
      throw new IllegalArgumentException("times and patches cannot be negative");
    }
    if (classifyNanos > mapNanos) {
      throw new IllegalArgumentException("classifying cannot take longer than mapping");
    }
  }

  /** Mapping time outside the classifier: patches cut, normalised and placed. */
  public long cutNanos() {
    return mapNanos - classifyNanos;
  }

  /** Reading, mapping and writing together. */
  public long totalNanos() {
    return readNanos + mapNanos + writeNanos;
  }

  /** Patches classified per second of mapping (0 when nothing was mapped). */
  public double patchesPerSecond() {
    return mapNanos == 0 ? 0 : patches / (mapNanos / 1e9);
  }

  /** One log line: the tile, its patches and each phase in milliseconds. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "tile %s: %d patches; read %.0f ms, map %.0f ms (%.0f patches/s; classify %.0f ms, cut"
            + " %.0f ms), write %.0f ms",
        tileId,
        patches,
        readNanos / 1e6,
        mapNanos / 1e6,
        patchesPerSecond(),
        classifyNanos / 1e6,
        cutNanos() / 1e6,
        writeNanos / 1e6);
  }
}
