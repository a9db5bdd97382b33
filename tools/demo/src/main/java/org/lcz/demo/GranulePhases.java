package org.lcz.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a scene passed each step of the platform, as its events arrived: the upload into the inbox,
 * SceneReceived, the first TileReady, SceneTiled, the last MapTileWritten, SceneMapCompleted.
 * Tiling and mapping overlap (tiles are mapped while later ones are cut), so the phases are given
 * as spans between those moments, each from the drop.
 *
 * @param cells the map's 100 m cells (one patch each)
 */
public record GranulePhases(
    Instant uploadStarted,
    Instant uploaded,
    Instant received,
    Instant firstTile,
    Instant tiled,
    Instant lastMapTile,
    Instant completed,
    int tiles,
    long cells) {

  public GranulePhases {
    List<Instant> order =
        List.of(uploadStarted, uploaded, received, firstTile, lastMapTile, completed);
    for (int i = 1; i < order.size(); i++) {
      if (order.get(i).isBefore(order.get(i - 1))) {
        throw new IllegalArgumentException("the moments are out of order: " + order);
      }
    }
    if (tiled.isBefore(firstTile) || tiled.isAfter(completed)) {
      throw new IllegalArgumentException("SceneTiled outside the mapping: " + tiled);
    }
  }

  /** Patches per second of the inference workers: cells from the first tile to the last map. */
  public double patchesPerSecond() {
    return cells / seconds(firstTile, lastMapTile);
  }

  /** The whole run, from the start of the upload to SceneMapCompleted. */
  public Duration total() {
    return Duration.between(uploadStarted, completed);
  }

  /** The phases as a Markdown table: what, from, to, seconds. */
  public List<String> table() {
    List<String> rows = new ArrayList<>();
    rows.add("| phase | from → to | seconds |");
    rows.add("| --- | --- | --- |");
    rows.add(row("upload into the inbox", "PUT start → stored", uploadStarted, uploaded));
    rows.add(row("ingest", "stored → SceneReceived", uploaded, received));
    rows.add(row("tiling", "SceneReceived → SceneTiled", received, tiled));
    rows.add(row("mapping", "first TileReady → last MapTileWritten", firstTile, lastMapTile));
    // zero when the last tile was mapped before SceneTiled arrived
    rows.add(
        row(
            "mapping after tiling",
            "SceneTiled → last MapTileWritten",
            tiled,
            lastMapTile.isAfter(tiled) ? lastMapTile : tiled));
    rows.add(row("assembly", "last MapTileWritten → SceneMapCompleted", lastMapTile, completed));
    rows.add(row("**total**", "PUT start → SceneMapCompleted", uploadStarted, completed));
    return rows;
  }

  private static String row(String phase, String span, Instant from, Instant to) {
    return String.format(Locale.ROOT, "| %s | %s | %.1f |", phase, span, seconds(from, to));
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}
