package org.lcz.synth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ./lcz synth} writes: a world's scene and ground truth, and training, validation and
 * test sets sampled from worlds with other seeds (train from {@code seed + 1000}, validation {@code
 * + 2000}, test {@code + 3000}, each 2,000 px; validation and test a quarter of the training set).
 *
 * @param seed the scene's seed
 * @param size the scene's width and height in 10 m pixels (a multiple of 10)
 * @param perClass training patches of the most frequent class (balanced: of every class)
 * @param patch patch width in pixels
 * @param mix the class shares of the scene and the sets
 * @param height whether the scene and the sets carry the ancillary {@code HEIGHT} band last
 */
public record WorldSpec(long seed, int size, int perClass, int patch, Mix mix, boolean height) {
  /** Width of the worlds the data sets are sampled from. */
  static final int SAMPLE_WORLD_SIZE = 2000;

  /** The marker {@link #writeOnce} leaves when a world folder is complete. */
  static final String DONE = "world.done";

  /** Class shares of the scene and the data sets. */
  public enum Mix {
    /** Every class equally often. */
    BALANCED,
    /**
     * Mostly low plants, trees and low-rise housing, few high-rises and little bare ground (LCZ 1 …
     * G: 1, 2, 3, 1, 2, 8, 1, 4, 6, 2, 8, 6, 3, 12, 2, 1, 4).
     */
    REALISTIC;

    private static final double[] REALISTIC_SHARES = {
      1, 2, 3, 1, 2, 8, 1, 4, 6, 2, 8, 6, 3, 12, 2, 1, 4
    };

    /** The relative share of each class (index 0 = LCZ 1). */
    public double[] weights() {
      return this == BALANCED ? SyntheticWorld.balanced() : REALISTIC_SHARES.clone();
    }

    /**
     * {@code balanced} or {@code realistic}.
     *
     * @throws IllegalArgumentException naming the accepted values otherwise
     */
    public static Mix of(String name) {
      for (Mix m : values()) {
        if (m.name().equalsIgnoreCase(name)) {
          return m;
        }
      }
      throw new IllegalArgumentException("--mix takes balanced or realistic, not '" + name + "'");
    }
  }

  /** The files of a written world. */
  public record Written(
      Path scene, Path truth, Path train, Path validation, Path test, Path areasScene, Path areas) {
    static Written in(Path dir) {
      return new Written(
          dir.resolve("scene.tif"),
          dir.resolve("truth.tif"),
          dir.resolve("train.h5"),
          dir.resolve("val.h5"),
          dir.resolve("test.h5"),
          dir.resolve(AREAS_WORLD).resolve("scene.tif"),
          dir.resolve(AREAS_WORLD).resolve("areas.kml"));
    }
  }

  /** The folder of the world the training areas are drawn in (another seed than the scene's). */
  static final String AREAS_WORLD = "areas-world";

  public WorldSpec {
    if (size < 10 || size % SyntheticWorld.CELL != 0) {
      throw new IllegalArgumentException(
          "--size must be a positive multiple of 10 px (one 100 m cell), not " + size);
    }
    if (perClass < 1) {
      throw new IllegalArgumentException("--per-class must be at least 1, not " + perClass);
    }
    if (patch < 8) {
      throw new IllegalArgumentException("--patch must be at least 8 px, not " + patch);
    }
    if (mix == null) {
      throw new IllegalArgumentException("no mix given");
    }
  }

  /** A world of the reflectance bands only. */
  public WorldSpec(long seed, int size, int perClass, int patch, Mix mix) {
    this(seed, size, perClass, patch, mix, false);
  }

  /**
   * A folder name that tells worlds apart, e.g. {@code seed7-2000px-300pc-48px-balanced} ({@code
   * -height} appended when the worlds carry the height band).
   */
  public String name() {
    return String.format(
        Locale.ROOT,
        "seed%d-%dpx-%dpc-%dpx-%s%s",
        seed,
        size,
        perClass,
        patch,
        mix.name().toLowerCase(Locale.ROOT),
        height ? "-height" : "");
  }

  /** Patches per class in the training set (validation and test: a quarter of these). */
  int[] trainingCounts() {
    double[] weights = mix.weights();
    double max = Arrays.stream(weights).max().orElse(1);
    int[] counts = new int[weights.length];
    for (int c = 0; c < counts.length; c++) {
      counts[c] = Math.max(1, (int) Math.round(perClass * weights[c] / max));
    }
    return counts;
  }

  /** Writes the world into {@code dir}, reporting each file on {@code log}. */
  public Written write(Path dir, PrintStream log) throws IOException {
    SyntheticWorld world = new SyntheticWorld(seed, size, mix.weights());
    WorldFiles.writeScene(world, dir, height);
    Written files = Written.in(dir);
    log.printf(
        Locale.ROOT,
        "scene %s: %d × %d px, %d bands, truth %d × %d cells%n",
        files.scene(),
        size,
        size,
        WorldFiles.bands(height).size(),
        world.cells(),
        world.cells());
    int[] counts = trainingCounts();
    Path[] sets = {files.train(), files.validation(), files.test()};
    double[] share = {1, 0.25, 0.25};
    for (int i = 0; i < sets.length; i++) {
      int[] n = new int[counts.length];
      for (int c = 0; c < n.length; c++) {
        n[c] = Math.max(1, (int) Math.round(counts[c] * share[i]));
      }
      int written =
          WorldFiles.writePatches(
              sets[i], seed + 1000L * (i + 1), SAMPLE_WORLD_SIZE, n, patch, height);
      log.printf(Locale.ROOT, "%s: %d patches of %d px%n", sets[i], written, patch);
    }
    // the same world as the training set's, its regions as WUDAPT training areas: as many cells
    // per class as the three sets hold together (the areas are split into train/val/test later)
    SyntheticWorld areasWorld =
        new SyntheticWorld(seed + 1000L, SAMPLE_WORLD_SIZE, SyntheticWorld.balanced());
    WorldFiles.writeScene(areasWorld, files.areasScene().getParent(), height);
    int[] cells = new int[counts.length];
    for (int c = 0; c < cells.length; c++) {
      cells[c] = (int) Math.round(counts[c] * 1.5);
    }
    List<WorldAreas.Area> areas = WorldAreas.choose(areasWorld, cells, seed);
    WorldAreas.writeKml(areas, files.areas());
    log.printf(
        Locale.ROOT,
        "%s: %d training areas of %d × %d cells over %s%n",
        files.areas(),
        areas.size(),
        WorldAreas.SIDE,
        WorldAreas.SIDE,
        files.areasScene());
    return files;
  }

  /** The folder of this world under {@code parent}: {@code parent/name()}. */
  public Path dir(Path parent) {
    return parent.resolve(name());
  }

  /** Whether {@link #writeOnce} completed this world under {@code parent} before. */
  public boolean isWritten(Path parent) {
    return Files.exists(dir(parent).resolve(DONE))
        && Files.exists(Written.in(dir(parent)).areas()); // worlds written before areas existed
  }

  /**
   * The world in {@code parent/name()}: written there unless a previous call completed it (the
   * world is deterministic, so a complete folder is reused).
   */
  public Written writeOnce(Path parent, PrintStream log) throws IOException {
    Path dir = dir(parent);
    if (isWritten(parent)) {
      return Written.in(dir);
    }
    Written files = write(dir, log);
    Files.writeString(dir.resolve(DONE), name() + "\n");
    return files;
  }
}
