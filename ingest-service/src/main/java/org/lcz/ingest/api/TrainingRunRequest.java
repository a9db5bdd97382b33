package org.lcz.ingest.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lcz.contract.Radiometry;
import org.lcz.events.LczEvent;
import org.lcz.events.Promotion;
import org.lcz.events.TrainingAreas;
import org.lcz.events.TrainingRequested;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;

/**
 * The body of {@code POST /training-runs}. Data sets are {@code s3://bucket/key} or a key in {@code
 * lcz-datasets}; everything but {@code trainData} is optional. Instead of data sets, {@code
 * trainingAreas} names WUDAPT training areas and the scenes to sample them from; ingest then builds
 * the data sets (train, validation and test split by area).
 *
 * @param runId defaults to a new random id
 * @param variant {@code msmla-18} (default) or {@code msmla-50}
 * @param promote {@code if-better} (default) or {@code always}
 * @param radiometry the data sets' radiometry ({@code fraction}, {@code x10000}, with {@code
 *     +offset} when the BOA offset is not removed); default: detected from the values
 */
public record TrainingRunRequest(
    String runId,
    String variant,
    String trainData,
    String validationData,
    String testData,
    List<String> bands,
    Integer epochs,
    Integer batchSize,
    Double learningRate,
    Integer patience,
    Long seed,
    String promote,
    String radiometry,
    Areas trainingAreas) {

  /**
   * Training areas to build the data sets from, instead of {@code trainData}.
   *
   * @param areas the KML, KMZ or GeoJSON file: {@code s3://bucket/key} or a key in {@code
   *     lcz-datasets}
   * @param scenes the scenes to sample the areas from: {@code s3://bucket/key} or a key in {@code
   *     lcz-inbox}, in any form the inbox reads
   * @param classProperty the GeoJSON property with the class (default {@code lcz})
   * @param perArea the most cells one area gives per scene (default 200)
   */
  public record Areas(String areas, List<String> scenes, String classProperty, Integer perArea) {}

  /**
   * The event this request asks for.
   *
   * @throws IllegalArgumentException naming the field that is missing or out of range
   */
  TrainingRequested toEvent(Instant now) {
    String id = runId == null || runId.isBlank() ? "run-" + UUID.randomUUID() : runId.trim();
    if (!id.matches("[A-Za-z0-9._-]{1,80}")) {
      throw new IllegalArgumentException(
          "runId may hold letters, digits, '.', '_' and '-' (at most 80), not " + runId);
    }
    String v = variant == null ? "msmla-18" : variant.trim().toLowerCase(Locale.ROOT);
    if (!TrainingRequested.wellFormedVariant(v)) {
      throw new IllegalArgumentException(
          "variant must be an architecture's name such as msmla-18 (lower-case letters, digits,"
              + " '.' and '-'), not "
              + variant);
    }
    boolean hasData = trainData != null && !trainData.isBlank();
    if (!hasData && trainingAreas == null) {
      throw new IllegalArgumentException(
          "trainData (s3://bucket/key or a key in "
              + Buckets.DATASETS
              + ") or trainingAreas ({\"areas\": …, \"scenes\": […]}) is required");
    }
    if (hasData && trainingAreas != null) {
      throw new IllegalArgumentException(
          "give trainData or trainingAreas, not both: data sets are built from the areas");
    }
    TrainingAreas areas = areas();
    positive(epochs, "epochs");
    positive(batchSize, "batchSize");
    positive(patience, "patience");
    if (learningRate != null && !(learningRate > 0 && learningRate < 1)) {
      throw new IllegalArgumentException("learningRate must be within (0, 1), not " + learningRate);
    }
    if (bands != null
        && (bands.isEmpty() || bands.stream().anyMatch(b -> b == null || b.isBlank()))) {
      throw new IllegalArgumentException("bands, when given, must name at least one band");
    }
    if (radiometry != null) {
      Radiometry.parse(radiometry); // names the accepted forms
    }
    return new TrainingRequested(
        trainingAreas == null ? LczEvent.CURRENT_SCHEMA_VERSION : TrainingRequested.SCHEMA_VERSION,
        id,
        v,
        ref(trainData, "trainData"),
        ref(validationData, "validationData"),
        ref(testData, "testData"),
        bands,
        radiometry,
        epochs,
        batchSize,
        learningRate,
        patience,
        seed,
        promotion(),
        now,
        areas);
  }

  private TrainingAreas areas() {
    if (trainingAreas == null) {
      return null;
    }
    if (trainingAreas.areas() == null || trainingAreas.areas().isBlank()) {
      throw new IllegalArgumentException(
          "trainingAreas.areas is required: the KML, KMZ or GeoJSON file of training areas");
    }
    if (trainingAreas.scenes() == null || trainingAreas.scenes().isEmpty()) {
      throw new IllegalArgumentException(
          "trainingAreas.scenes must name at least one scene to sample the areas from");
    }
    List<ObjectRef> scenes = new ArrayList<>();
    for (String scene : trainingAreas.scenes()) {
      if (scene == null || scene.isBlank()) {
        throw new IllegalArgumentException("trainingAreas.scenes holds an empty entry");
      }
      scenes.add(ref(scene, "trainingAreas.scenes", Buckets.INBOX));
    }
    positive(trainingAreas.perArea(), "trainingAreas.perArea");
    if (validationData != null || testData != null) {
      throw new IllegalArgumentException(
          "validationData and testData come from the training areas' splits; leave them out");
    }
    return new TrainingAreas(
        ref(trainingAreas.areas(), "trainingAreas.areas", Buckets.DATASETS),
        scenes,
        trainingAreas.classProperty(),
        trainingAreas.perArea());
  }

  /** The objects the event names: data sets, or training areas and scenes. */
  List<ObjectRef> dataSets(TrainingRequested event) {
    List<ObjectRef> refs = new ArrayList<>();
    if (event.trainingAreas() != null) {
      refs.add(event.trainingAreas().areas());
      refs.addAll(event.trainingAreas().scenes());
      return refs;
    }
    refs.add(event.trainData());
    if (event.validationData() != null) {
      refs.add(event.validationData());
    }
    if (event.testData() != null) {
      refs.add(event.testData());
    }
    return refs;
  }

  private Promotion promotion() {
    if (promote == null) {
      return null;
    }
    for (Promotion p : Promotion.values()) {
      if (p.json().equals(promote.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("promote must be if-better or always, not " + promote);
  }

  private static void positive(Integer value, String field) {
    if (value != null && value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1, not " + value);
    }
  }

  private static ObjectRef ref(String location, String field) {
    return ref(location, field, Buckets.DATASETS);
  }

  private static ObjectRef ref(String location, String field, String bucket) {
    if (location == null || location.isBlank()) {
      return null;
    }
    String s = location.trim();
    if (s.startsWith("s3://")) {
      String rest = s.substring("s3://".length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        throw new IllegalArgumentException(field + " must be s3://bucket/key, not " + location);
      }
      return ObjectRef.of(rest.substring(0, slash), rest.substring(slash + 1));
    }
    if (s.contains("://")) {
      throw new IllegalArgumentException(
          field + " must be s3://bucket/key or a key in " + bucket + ", not " + location);
    }
    return ObjectRef.of(bucket, s);
  }
}
