package org.lcz.ingest.areas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lcz.raster.CellGrid;
import org.lcz.raster.RasterSource;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.areas.AreaQc;
import org.lcz.scheme.areas.AreaSplits;
import org.lcz.scheme.areas.CellSample;
import org.lcz.scheme.areas.CellSampler;
import org.lcz.scheme.areas.Finding;
import org.lcz.scheme.areas.PatchSet;
import org.lcz.scheme.areas.QcReport;
import org.lcz.scheme.areas.SceneCoverage;
import org.lcz.scheme.areas.TrainingArea;
import org.lcz.scheme.areas.TrainingAreaFiles;

/**
 * Training areas and the prepared scenes they are drawn in become training data, the same way for
 * the terminal ({@code ./lcz patches}) and for a training request: quality control against every
 * scene, the cells of each scene's LCZ grid inside the usable areas (an area is sampled in every
 * scene that accepts it, capped per scene), splits by area (stratified by class, seeded) into
 * {@code train.h5}, {@code val.h5} and {@code test.h5}, and beside them {@code areas.json} (each
 * area's id, class, split and cells) and {@code qc.txt}.
 */
public final class AreaDataSets {
  /** The data set files, in split order (train, validation, test). */
  public static final List<String> FILES = List.of("train.h5", "val.h5", "test.h5");

  /** The QC report's file name. */
  public static final String QC_FILE = "qc.txt";

  /** The per-area file's name. */
  public static final String AREAS_FILE = "areas.json";

  /**
   * How patches are drawn.
   *
   * @param patch patch side in pixels (the model's input)
   * @param perArea the most cells one area gives in one scene
   * @param seed seeds the cap's choice and the splits
   */
  public record Settings(int patch, int perArea, long seed) {
    public Settings {
      if (patch < 1 || perArea < 1) {
        throw new IllegalArgumentException("patch and perArea must be positive");
      }
    }
  }

  /**
   * What was built in the output folder.
   *
   * @param usable whether the areas can train a model (otherwise only {@code qc.txt} is written)
   * @param report the QC report as written to {@code qc.txt}
   * @param findings every finding, each naming its area or class
   * @param patches patches per written file name; a split no area fell to is not written
   */
  public record Built(
      boolean usable, String report, List<Finding> findings, Map<String, Integer> patches) {

    /** Why the areas cannot train, naming the classes and areas that failed; for messages. */
    public String failure() {
      return findings.stream()
          .filter(f -> f.level() == Finding.Level.ERROR)
          .map(f -> f.subject() + ": " + f.message())
          .collect(Collectors.joining("; "));
    }
  }

  private AreaDataSets() {}

  /**
   * Builds the data sets of {@code read} in {@code scenes} (already on the platform's grid and in
   * its radiometry) into {@code out}.
   *
   * @param name the areas file's name, for the report
   * @param progress where the report and what is written go (a terminal, or a log)
   * @throws UncheckedIOException if {@code out} cannot be written
   */
  public static Built build(
      String name,
      TrainingAreaFiles.Read read,
      List<RasterSource> scenes,
      Settings settings,
      Path out,
      PrintStream progress) {
    if (scenes.isEmpty()) {
      throw new IllegalArgumentException("at least one scene is needed to draw patches from");
    }
    List<SceneCoverage> coverages = scenes.stream().map(SceneCoverage::new).toList();
    AreaQc.Checked checked = AreaQc.check(read, coverages);
    String sceneNames = scenes.stream().map(RasterSource::name).collect(Collectors.joining(", "));
    String report = QcReport.text(name, sceneNames, read, checked);
    progress.print(report);
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve(QC_FILE), report);
      if (!checked.usable()) {
        return new Built(false, report, checked.findings(), Map.of());
      }
      List<TrainingArea> areas = checked.areas();
      int[] split = AreaSplits.assign(areas, settings.seed());
      // per split, per scene: the samples of that scene's grid
      List<List<List<CellSample>>> sets = new ArrayList<>();
      for (int s = 0; s < FILES.size(); s++) {
        List<List<CellSample>> perScene = new ArrayList<>();
        scenes.forEach(x -> perScene.add(new ArrayList<>()));
        sets.add(perScene);
      }
      int[] cellsPerArea = new int[areas.size()];
      for (int k = 0; k < scenes.size(); k++) {
        for (CellSample c : samples(areas, scenes.get(k), coverages.get(k), settings)) {
          sets.get(split[c.area()]).get(k).add(c);
          cellsPerArea[c.area()]++;
        }
      }
      // the splits that received areas, cut together in one read of each scene
      List<Integer> kept = new ArrayList<>();
      for (int s = 0; s < FILES.size(); s++) {
        if (sets.get(s).stream().allMatch(List::isEmpty)) {
          progress.printf("%s: no area fell to this split; not written%n", FILES.get(s));
        } else {
          kept.add(s);
        }
      }
      List<Integer> counts =
          PatchSet.writeAll(
              kept.stream().map(s -> out.resolve(FILES.get(s))).toList(),
              scenes,
              kept.stream().map(sets::get).toList(),
              settings.patch());
      Map<String, Integer> written = new LinkedHashMap<>();
      for (int i = 0; i < kept.size(); i++) {
        int s = kept.get(i);
        written.put(FILES.get(s), counts.get(i));
        progress.printf(
            "%s: %d patches of %d px %s%n",
            FILES.get(s), counts.get(i), settings.patch(), perClass(sets.get(s)));
      }
      writeAreas(out.resolve(AREAS_FILE), areas, split, cellsPerArea);
      return new Built(true, report, checked.findings(), written);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
    }
  }

  /** The samples of the areas {@code scene} accepts, with their indices into {@code areas}. */
  private static List<CellSample> samples(
      List<TrainingArea> areas, RasterSource scene, SceneCoverage coverage, Settings settings) {
    List<TrainingArea> accepted = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    List<Finding> ignored = new ArrayList<>(); // the QC's verdicts, reported there already
    for (int a = 0; a < areas.size(); a++) {
      if (coverage.accepts(areas.get(a), ignored)) {
        accepted.add(areas.get(a));
        index.add(a);
      }
    }
    double[] g = scene.geoTransform();
    CellGrid grid = CellGrid.of(scene.width(), scene.height(), 100, Math.abs(g[1]));
    List<CellSample> out = new ArrayList<>();
    for (CellSample c :
        CellSampler.sample(accepted, coverage, grid, g, settings.perArea(), settings.seed())) {
      out.add(
          new CellSample(c.col(), c.row(), c.centreX(), c.centreY(), c.lcz(), index.get(c.area())));
    }
    return out;
  }

  private static String perClass(List<List<CellSample>> perScene) {
    Map<String, Integer> n = new TreeMap<>();
    LczCatalog catalog = LczCatalog.standard();
    perScene.forEach(
        l -> l.forEach(s -> n.merge(catalog.byValue(s.lcz()).code(), 1, Integer::sum)));
    return n.toString();
  }

  private static void writeAreas(Path file, List<TrainingArea> areas, int[] split, int[] cells)
      throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode list = json.createArrayNode();
    String[] splits = {"train", "validation", "test"};
    for (int i = 0; i < areas.size(); i++) {
      ObjectNode a = list.addObject();
      a.put("index", i);
      a.put("id", areas.get(i).id());
      a.put("lcz", LczCatalog.standard().byValue(areas.get(i).lcz()).code());
      a.put("split", splits[split[i]]);
      a.put("cells", cells[i]);
    }
    Files.write(file, json.writeValueAsBytes(list));
  }
}
