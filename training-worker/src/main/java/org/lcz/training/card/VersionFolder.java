package org.lcz.training.card;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lcz.scheme.LczCatalog;
import org.lcz.storage.ObjectRef;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.train.TrainingData;
import org.lcz.training.train.TrainingOutcome;

/**
 * The files of one model version in a local folder: the checkpoint (written by the training run),
 * the two plots and, last, the card that names them all. A folder with a card is complete.
 */
public final class VersionFolder {
  private VersionFolder() {}

  /**
   * Writes the plots and the card next to {@code outcome}'s checkpoint; returns the card.
   *
   * @param trainingSet the training set's object for the contract; {@code null} if local
   * @param datasets every data set with its role and location
   */
  public static ModelCard complete(
      TrainingOutcome outcome,
      ModelCard.Identity identity,
      TrainingData data,
      double groundSampleDistance,
      ObjectRef trainingSet,
      List<DatasetRef> datasets) {
    Path dir = outcome.checkpoint().getParent();
    TrainingPlots.curves(outcome.history(), outcome.bestEpoch(), dir.resolve(TrainingPlots.CURVES));
    TrainingPlots.confusion(
        outcome.evaluation(),
        LczCatalog.standard(),
        Architectures.contractName(outcome.plan().variant())
            + " "
            + identity.version()
            + ", "
            + data.evaluationRole()
            + " split",
        dir.resolve(TrainingPlots.CONFUSION));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("checkpoint", outcome.checkpoint().getFileName().toString());
    files.put("trainingCurves", TrainingPlots.CURVES);
    files.put("confusionMatrix", TrainingPlots.CONFUSION);
    if (outcome.byAreas() != null) {
      TrainingPlots.areaBoxplot(
          outcome.byAreas(),
          identity.version() + ": " + data.evaluationRole() + " split, by held-out training area",
          dir.resolve(TrainingPlots.AREA_BOXPLOT));
      files.put("accuracyByArea", TrainingPlots.AREA_BOXPLOT);
      files.put("factsheet", Factsheet.FILE_NAME);
    }
    ModelCard card =
        ModelCards.of(
            outcome,
            identity,
            groundSampleDistance,
            trainingSet,
            datasets,
            data.selectionRole(),
            data.evaluationRole(),
            files);
    if (outcome.byAreas() != null) {
      Factsheet.write(card, outcome.byAreas(), dir.resolve(Factsheet.FILE_NAME));
    }
    card.write(dir.resolve(ModelCard.FILE_NAME));
    return card;
  }

  /** Every file of a completed folder, the card last (it marks the version complete). */
  public static List<Path> files(ModelCard card, Path dir) {
    return Stream.concat(
            card.files().values().stream().map(dir::resolve),
            Stream.of(dir.resolve(ModelCard.FILE_NAME)))
        .toList();
  }
}
