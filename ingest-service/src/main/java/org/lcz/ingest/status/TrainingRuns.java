package org.lcz.ingest.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcz.events.EpochCompleted;
import org.lcz.events.LczEvent;
import org.lcz.events.ModelPublished;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;

/**
 * Training runs and published models as the events on {@code lcz.training.requests}, {@code
 * lcz.training.progress} and {@code lcz.models} tell them: a run is {@code preparing} (ingest
 * builds its data sets from training areas), {@code queued}, {@code training} (epochs so far),
 * {@code failed} (with the reason) or {@code published} (with its model). The current model of a
 * name is its latest promoted version, as the registry has it. Events of one topic arrive in order;
 * a redelivered event changes nothing.
 */
public final class TrainingRuns {
  public static final String PREPARING = "preparing";
  public static final String QUEUED = "queued";
  public static final String TRAINING = "training";
  public static final String FAILED = "failed";
  public static final String PUBLISHED = "published";

  /** One epoch of a run, as EpochCompleted reported it. */
  public record Epoch(
      int epoch,
      double loss,
      double trainOa,
      double validationOa,
      double learningRate,
      double samplesPerSecond,
      double etaSeconds) {}

  /**
   * A training run.
   *
   * @param state {@code preparing}, {@code queued}, {@code training}, {@code failed} or {@code
   *     published}
   * @param epochs the epochs asked for, if the request said
   * @param trainingAreas the training areas' file, when ingest builds the data sets from them
   * @param history the epochs trained so far
   * @param reason why it failed
   * @param model the version it published
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(
      String runId,
      String state,
      String variant,
      Integer epochs,
      String trainData,
      String trainingAreas,
      Instant requestedAt,
      List<Epoch> history,
      String reason,
      String model,
      Instant updatedAt) {}

  /**
   * A published model version.
   *
   * @param current whether it is its name's current model (the latest promoted version)
   * @param card the model card, {@code s3://…}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Model(
      String modelName,
      String version,
      String runId,
      boolean promoted,
      boolean current,
      String decision,
      double oaW,
      Double championOaW,
      String card,
      Instant publishedAt) {}

  private static final class RunState {
    final String runId;
    String state;
    TrainingRequested request;
    final Map<Integer, Epoch> epochs = new LinkedHashMap<>();
    String reason;
    String model;
    Instant updatedAt;

    RunState(String runId) {
      this.runId = runId;
    }
  }

  private final Map<String, RunState> runs = new LinkedHashMap<>();
  private final Map<String, ModelPublished> models = new LinkedHashMap<>();
  private final Map<String, String> current = new LinkedHashMap<>();

  /**
   * Takes in one event, sent at {@code at}; events other than training and model events are
   * ignored.
   */
  public synchronized void record(LczEvent event, Instant at) {
    if (event instanceof TrainingRequested r) {
      RunState run = runs.computeIfAbsent(r.runId(), RunState::new);
      if (run.request == null || !r.awaitsDataSets()) {
        run.request = r;
      }
      if (run.state == null || run.state.equals(PREPARING)) {
        run.state = r.awaitsDataSets() ? PREPARING : QUEUED;
        run.updatedAt = at;
      }
    } else if (event instanceof EpochCompleted e) {
      RunState run = runs.computeIfAbsent(e.runId(), RunState::new);
      run.epochs.put(
          e.epoch(),
          new Epoch(
              e.epoch(),
              e.loss(),
              e.trainOa(),
              e.validationOa(),
              e.learningRate(),
              e.samplesPerSecond(),
              e.etaSeconds()));
      if (!FAILED.equals(run.state) && !PUBLISHED.equals(run.state)) {
        run.state = TRAINING;
      }
      run.updatedAt = at;
    } else if (event instanceof TrainingFailed f) {
      RunState run = runs.computeIfAbsent(f.runId(), RunState::new);
      run.state = FAILED;
      run.reason = f.reason();
      run.updatedAt = at;
    } else if (event instanceof ModelPublished m) {
      models.put(m.version(), m);
      if (m.promoted()) {
        current.put(m.modelName(), m.version());
      }
      String runId = runOf(m.version());
      if (runId != null) {
        RunState run = runs.get(runId);
        run.state = PUBLISHED;
        run.model = m.version();
        run.updatedAt = at;
      }
    }
  }

  /** The run whose model {@code version} is: versions end with {@code -<run id>}. */
  private String runOf(String version) {
    String best = null;
    for (String runId : runs.keySet()) {
      if (version.endsWith("-" + runId) && (best == null || runId.length() > best.length())) {
        best = runId;
      }
    }
    return best;
  }

  /** Every run, the most recently changed first. */
  public synchronized List<Run> runs() {
    List<Run> all = new ArrayList<>();
    for (RunState r : runs.values()) {
      all.add(view(r));
    }
    all.sort(
        Comparator.comparing(
                Run::updatedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .reversed());
    return all;
  }

  /** One run. */
  public synchronized Optional<Run> run(String runId) {
    RunState r = runs.get(runId);
    return r == null ? Optional.empty() : Optional.of(view(r));
  }

  /** Every published version, the latest published first, each marked current or not. */
  public synchronized List<Model> models() {
    List<Model> all = new ArrayList<>();
    for (ModelPublished m : models.values()) {
      all.add(
          new Model(
              m.modelName(),
              m.version(),
              runOf(m.version()),
              m.promoted(),
              m.version().equals(current.get(m.modelName())),
              m.decision(),
              m.oaW(),
              m.championOaW(),
              m.card().uri(),
              m.publishedAt()));
    }
    Collections.reverse(all); // the topic's order: the latest published first
    return all;
  }

  /** The current (latest promoted) version of {@code modelName}, if one was promoted. */
  public synchronized Optional<ModelPublished> current(String modelName) {
    String version = current.get(modelName);
    return version == null ? Optional.empty() : Optional.ofNullable(models.get(version));
  }

  /** A published version. */
  public synchronized Optional<ModelPublished> model(String version) {
    return Optional.ofNullable(models.get(version));
  }

  private static Run view(RunState r) {
    TrainingRequested q = r.request;
    return new Run(
        r.runId,
        r.state == null ? TRAINING : r.state,
        q == null ? null : q.variant(),
        q == null ? null : q.epochs(),
        q == null || q.trainData() == null ? null : q.trainData().uri(),
        q == null || q.trainingAreas() == null ? null : q.trainingAreas().areas().uri(),
        q == null ? null : q.requestedAt(),
        List.copyOf(r.epochs.values()),
        r.reason,
        r.model,
        r.updatedAt);
  }
}
