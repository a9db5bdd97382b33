package org.lcz.ingest.areas;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lcz.ingest.source.GeoTiffFormat;
import org.lcz.ingest.source.SceneFormats;
import org.lcz.ingest.source.SceneSource;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.raster.RasterException;
import org.lcz.raster.RasterSource;
import org.lcz.scheme.areas.TrainingAreaException;
import org.lcz.scheme.areas.TrainingAreaFiles;

/**
 * {@code ./lcz patches --scene SCENE.tif --areas AREAS.kml --out DIR [--patch 48] [--per-area 200]
 * [--seed 42] [--class-property lcz]}: WUDAPT training areas and their scene become training data.
 * The scene goes through ingest's own preparation (bands by name, radiometry to reflectance ×
 * 10,000, reprojection onto the UTM grid at 10 m), the areas through the quality control; the cells
 * of the LCZ grid inside the usable areas become patches centred as at inference, split by area
 * (stratified by class, seeded) into {@code train.h5}, {@code val.h5} and {@code test.h5}, with
 * {@code areas.json} (each area's id, class, split and cells) and {@code qc.txt}. Exit 1 when the
 * areas cannot train a model, 2 on a usage error.
 */
public final class PatchesCommand {
  static final String USAGE =
      "usage: ./lcz patches --scene SCENE.tif --areas AREAS.kml|.kmz|.geojson --out DIR"
          + " [--patch 48] [--per-area 200] [--seed 42] [--class-property lcz]";

  private PatchesCommand() {}

  /** What was written. */
  record Result(boolean usable, Map<String, Integer> patchesPerSet) {}

  public static void main(String[] args) {
    try {
      Result r = run(List.of(args), System.out);
      System.exit(r.usable() ? 0 : 1);
    } catch (IllegalArgumentException e) {
      System.err.println("lcz patches: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (TrainingAreaException | RasterException | UncheckedIOException e) {
      System.err.println("lcz patches: " + e.getMessage());
      System.exit(1);
    }
  }

  static Result run(List<String> args, PrintStream out) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException("'" + a + "' is not an option with a value");
      }
      if (!List.of(
              "--scene", "--areas", "--out", "--patch", "--per-area", "--seed", "--class-property")
          .contains(a)) {
        throw new IllegalArgumentException("unknown option " + a);
      }
      o.put(a, args.get(++i));
    }
    for (String required : List.of("--scene", "--areas", "--out")) {
      if (!o.containsKey(required)) {
        throw new IllegalArgumentException(required + " is required");
      }
    }
    int patch = positive(o.getOrDefault("--patch", "48"), "--patch");
    int cap = positive(o.getOrDefault("--per-area", "200"), "--per-area");
    long seed = Long.parseLong(o.getOrDefault("--seed", "42"));
    Path out_ = Path.of(o.get("--out"));

    Path scenePath = Path.of(o.get("--scene"));
    out.printf("scene %s: preparing as ingest does …%n", scenePath.getFileName());
    try (SceneSource source = GeoTiffFormat.open(scenePath)) {
      SceneTiler tiler =
          new SceneTiler(null, new SceneTiler.Settings(SceneFormats.DEFAULT_BANDS, 10, 512, 24));
      SceneTiler.Prepared prepared = tiler.prepare(source);
      RasterSource scene = prepared.raster();
      prepared.notes().forEach(n -> out.println("  " + n));

      Path areasPath = Path.of(o.get("--areas"));
      TrainingAreaFiles.Read read =
          TrainingAreaFiles.read(areasPath, o.getOrDefault("--class-property", "lcz"));
      AreaDataSets.Built built =
          AreaDataSets.build(
              areasPath.getFileName().toString(),
              read,
              List.of(scene),
              new AreaDataSets.Settings(patch, cap, seed),
              out_,
              out);
      if (!built.usable()) {
        return new Result(false, Map.of());
      }
      Map<String, Integer> written = built.patches();
      out.printf(
          "next: ./lcz train --data %s%s%s%n",
          out_.resolve("train.h5"),
          written.containsKey("val.h5") ? " --val " + out_.resolve("val.h5") : "",
          written.containsKey("test.h5") ? " --test " + out_.resolve("test.h5") : "");
      return new Result(true, new TreeMap<>(written));
    }
  }

  private static int positive(String v, String option) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(option + " must be a positive whole number, not " + v);
  }
}
