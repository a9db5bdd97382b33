package org.lcz.training.card;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcz.events.ModelContract;
import org.lcz.training.kernels.KernelReport;
import org.lcz.training.train.EpochStats;
import org.lcz.training.train.TrainingPlan;

/**
 * {@code model.json}: what a trained model is, what it needs, how it was trained and how well it
 * does. Measures are over the {@code evaluationSplit}; undefined ones are {@code null}; the
 * confusion matrix has rows = true class and columns = predicted class, both in {@code classes}
 * order, so every measure can be recomputed from it.
 *
 * @param cardVersion the format version of this file
 * @param modelName the registry name, {@code msmla}
 * @param version the model version (also its folder in {@code lcz-models})
 * @param runId the training request's run id
 * @param contract what the model needs from its inputs (bands, normalisation, classes…)
 * @param plan the hyper-parameters
 * @param optimizer the optimiser and loss, in words
 * @param datasets every data set used, with its role
 * @param selectionSplit the split whose OA picked the best epoch
 * @param evaluationSplit the split the measures and confusion matrix come from
 * @param classes per-class support, loss weight and measures
 * @param measures overall measures by name ({@code oa}, {@code oaU}, {@code oaN}, {@code oaBu},
 *     {@code oaW}, {@code f1Weighted}, {@code kappa})
 * @param confusionMatrix rows = truth, columns = prediction
 * @param history one entry per epoch trained
 * @param bestEpoch the epoch whose weights the model has
 * @param stopReason why training ended
 * @param device where it trained
 * @param trainingSeconds wall time of the training run
 * @param files the files of the version besides this card, by role ({@code checkpoint}, plots,
 *     {@code model} = the ONNX file…)
 * @param createdAt when the card was written
 * @param promotion whether the version became the current model and why; {@code null} until it is
 *     published
 * @param accuracyByAreas the measures' spread over the held-out training areas, when the evaluation
 *     set records each patch's area; {@code null} otherwise
 * @param kernels what the CPU kernels' self-check found before training (convolutions checked, any
 *     computed in another form because their direct form was wrong on the machine); {@code null} in
 *     cards written before the check existed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(
    int cardVersion,
    String modelName,
    String version,
    String runId,
    ModelContract contract,
    TrainingPlan plan,
    String optimizer,
    List<DatasetRef> datasets,
    String selectionSplit,
    String evaluationSplit,
    List<ClassEntry> classes,
    Map<String, Double> measures,
    long[][] confusionMatrix,
    List<EpochStats> history,
    int bestEpoch,
    String stopReason,
    String device,
    double trainingSeconds,
    Map<String, String> files,
    Instant createdAt,
    PromotionDecision promotion,
    AreaAccuracy accuracyByAreas,
    KernelReport kernels) {

  /** The current format of the card. */
  public static final int CARD_VERSION = 1;

  /** The card's file name in a model version's folder. */
  public static final String FILE_NAME = "model.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  /** The card as JSON. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the card to {@code file}. */
  public Path write(Path file) {
    try {
      JSON.writeValue(file.toFile(), this);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  /** Reads a card. */
  public static ModelCard read(byte[] json) {
    try {
      return JSON.readValue(json, ModelCard.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a model card: " + e.getMessage(), e);
    }
  }

  /** Reads a card from a file. */
  public static ModelCard read(Path file) {
    try {
      return JSON.readValue(file.toFile(), ModelCard.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a model card: " + file + ": " + e.getMessage(), e);
    }
  }

  /** This card with one more file and the promotion decision of its publication. */
  public ModelCard published(String role, String file, PromotionDecision decision) {
    Map<String, String> more = new LinkedHashMap<>(files);
    more.put(role, file);
    return new ModelCard(
        cardVersion,
        modelName,
        version,
        runId,
        contract,
        plan,
        optimizer,
        datasets,
        selectionSplit,
        evaluationSplit,
        classes,
        measures,
        confusionMatrix,
        history,
        bestEpoch,
        stopReason,
        device,
        trainingSeconds,
        more,
        createdAt,
        decision,
        accuracyByAreas,
        kernels);
  }

  /** Model identity and provenance that the training run itself does not know. */
  public record Identity(String modelName, String version, String runId, Instant createdAt) {}
}
