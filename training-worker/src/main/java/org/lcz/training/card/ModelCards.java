package org.lcz.training.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcz.events.ModelContract;
import org.lcz.scheme.AccuracyMeasures;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;
import org.lcz.storage.ObjectRef;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.train.TrainingOutcome;

/** Builds the model card of a finished training run. */
public final class ModelCards {
  /** The optimiser and loss every run uses, in words. */
  public static final String OPTIMIZER =
      "Adam with step decay; softmax cross-entropy with class weights balanced by support";

  private ModelCards() {}

  /**
   * The card of {@code outcome}.
   *
   * @param groundSampleDistance metres per pixel of the training patches
   * @param trainingSet the training data set's object, for the contract; {@code null} if local
   * @param datasets every data set with its role
   * @param selectionSplit the role of the set that picked the best epoch
   * @param evaluationSplit the role of the set the measures come from
   * @param files the version's other files by role
   */
  public static ModelCard of(
      TrainingOutcome outcome,
      ModelCard.Identity identity,
      double groundSampleDistance,
      ObjectRef trainingSet,
      List<DatasetRef> datasets,
      String selectionSplit,
      String evaluationSplit,
      Map<String, String> files) {
    LczCatalog catalog = LczCatalog.standard();
    ConfusionMatrix cm = outcome.evaluation();
    AccuracyMeasures m = AccuracyMeasures.of(cm);
    Map<String, Double> measures = measures(m);
    List<ClassEntry> classes = new ArrayList<>();
    for (int k = 0; k < catalog.size(); k++) {
      LczClass c = catalog.byValue(k + 1);
      classes.add(
          new ClassEntry(
              c.value(),
              c.code(),
              c.name(),
              outcome.classSupport()[k],
              outcome.classWeights()[k],
              cm.support(k),
              defined(m.producersAccuracy().get(k)),
              defined(m.usersAccuracy().get(k)),
              defined(m.f1().get(k))));
    }
    ModelContract contract =
        new ModelContract(
            Architectures.contractName(outcome.plan().variant()),
            outcome.bands(),
            outcome.patchSize(),
            groundSampleDistance,
            outcome.normalisation().radiometry(),
            outcome.normalisation().means(),
            outcome.normalisation().stds(),
            catalog.classes().stream().map(LczClass::value).toList(),
            catalog.classes().stream().map(LczClass::code).toList(),
            trainingSet,
            withoutUndefined(measures),
            identity.version(),
            identity.createdAt());
    return new ModelCard(
        ModelCard.CARD_VERSION,
        identity.modelName(),
        identity.version(),
        identity.runId(),
        contract,
        outcome.plan(),
        OPTIMIZER,
        datasets,
        selectionSplit,
        evaluationSplit,
        classes,
        measures,
        cm.toArray(),
        outcome.history(),
        outcome.bestEpoch(),
        outcome.stopReason(),
        outcome.device(),
        outcome.duration().toMillis() / 1000.0,
        files,
        identity.createdAt(),
        null,
        outcome.byAreas() == null ? null : AreaAccuracy.of(outcome.byAreas()),
        outcome.kernels());
  }

  /** The overall measures by name; undefined ones are {@code null}. */
  public static Map<String, Double> measures(AccuracyMeasures m) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("oa", defined(m.oa()));
    out.put("oaU", defined(m.oaU()));
    out.put("oaN", defined(m.oaN()));
    out.put("oaBu", defined(m.oaBu()));
    out.put("oaW", defined(m.oaW()));
    out.put("f1Weighted", defined(m.f1Weighted()));
    out.put("kappa", defined(m.kappa()));
    return out;
  }

  private static Map<String, Double> withoutUndefined(Map<String, Double> measures) {
    Map<String, Double> out = new LinkedHashMap<>();
    measures.forEach(
        (k, v) -> {
          if (v != null) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static Double defined(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
