package org.lcz.training.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.lcz.scheme.AreaBootstrap;
import org.lcz.scheme.LczCatalog;

/**
 * {@code factsheet.json}: a model's accuracy the way the LCZ Generator's factsheet gives it, for a
 * person or a report: the single figures over the evaluation split, their spread over the held-out
 * training areas (median, 5–95 %), every repeat's value (the box plot's data, {@code
 * accuracy-by-area.png}), per-class F1 and the mean confusion matrix.
 */
public final class Factsheet {
  /** The file's name in a version folder. */
  public static final String FILE_NAME = "factsheet.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Factsheet() {}

  /** Writes the factsheet of {@code card}, whose spread is {@code byAreas}. */
  public static Path write(ModelCard card, AreaBootstrap.Result byAreas, Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("modelName", card.modelName());
    root.put("version", card.version());
    root.put("runId", card.runId());
    root.put("evaluationSplit", card.evaluationSplit());
    root.set("measures", JSON.valueToTree(card.measures()));
    root.set("accuracyByAreas", JSON.valueToTree(card.accuracyByAreas()));
    ObjectNode repeats = root.putObject("repeats");
    byAreas.measures().forEach((name, s) -> repeats.set(name, JSON.valueToTree(s.values())));
    LczCatalog catalog = LczCatalog.standard();
    byAreas
        .f1()
        .forEach(
            (c, s) -> repeats.set("f1 " + catalog.byValue(c).code(), JSON.valueToTree(s.values())));
    root.put("boxplot", TrainingPlots.AREA_BOXPLOT);
    try {
      JSON.writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
