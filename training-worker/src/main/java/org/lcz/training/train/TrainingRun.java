package org.lcz.training.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.lcz.scheme.AreaBootstrap;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.scheme.LczCatalog;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.data.DatasetException;
import org.lcz.training.data.Normalisation;
import org.lcz.training.data.PatchDataset;
import org.lcz.training.kernels.KernelReport;
import org.lcz.training.kernels.KernelSelfCheck;
import org.lcz.training.model.LczNetwork;

/**
 * Trains MSMLA on a patch data set: per-band normalisation from the training split, class weights
 * balanced by support, Adam with step decay, random flips and rotations, shuffled batches, early
 * stopping on the validation OA, and the best epoch's weights kept and saved. Reproducible with the
 * plan's seed on one device.
 */
public final class TrainingRun {
  /** The checkpoint's model name: files are {@code msmla-NNNN.params}, NNNN the best epoch. */
  public static final String CHECKPOINT_NAME = "msmla";

  /** Default repeats of the held-out areas' bootstrap: as many as the LCZ Generator's splits. */
  public static final int AREA_REPEATS = 25;

  /** Patches read at a time to compute the normalisation. */
  static final int NORMALISATION_CHUNK = 32;

  /** How many bytes of patches a shuffling window may hold. */
  static final long WINDOW_BYTES = 256L << 20;

  static {
    TorchThreads.configure(); // before DJL's PyTorch engine starts
  }

  private final TrainingData data;

  /**
   * The plan as asked, then as fitted to the training set's size ({@link #run}; a run runs once).
   */
  private TrainingPlan plan;

  private final TrainingListener listener;
  private int areaRepeats = AREA_REPEATS;
  private boolean batchFixed = true;

  public TrainingRun(TrainingData data, TrainingPlan plan, TrainingListener listener) {
    this.data = data;
    this.plan = plan;
    this.listener = listener;
  }

  /**
   * This run with {@code n} repeats of the held-out areas' bootstrap ({@link #AREA_REPEATS} unless
   * set).
   */
  public TrainingRun areaRepeats(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("the area bootstrap needs at least 1 repeat, not " + n);
    }
    this.areaRepeats = n;
    return this;
  }

  /**
   * Whether the batch size was set by the request (the default: yes). When it was not and the
   * training set is smaller than one batch, the run trains with batches of the whole set and says
   * so ({@link TrainingPlan#fittedTo}).
   */
  public TrainingRun batchFixed(boolean fixed) {
    this.batchFixed = fixed;
    return this;
  }

  /** The device training uses: the first GPU if there is one, else the CPU. */
  public static Device device() {
    return Engine.getInstance().defaultDevice();
  }

  /**
   * Trains and evaluates; writes the best checkpoint into {@code outDir}.
   *
   * @throws DatasetException if a file is missing, malformed or does not fit the others
   */
  public TrainingOutcome run(Path outDir) {
    long started = System.nanoTime();
    try (PatchDataset train = PatchDataset.open(data.train(), data.layout(), plan.bands());
        PatchDataset selection = openMatching(data.selectionFile(), train);
        PatchDataset evaluation = openMatching(data.evaluationFile(), train)) {
      // what is wrong with the data first, so that a degenerate set is refused for what it is
      // (every band constant, non-finite values, one class), not for its size
      requireLczClasses(train);
      if (train.size() == 0) {
        throw new DatasetException(train.file(), "the training set has no patches");
      }
      Normalisation normalisation = Normalisation.of(train, NORMALISATION_CHUNK, data.radiometry());
      long[] support = train.classSupport(1024);
      requireTwoClasses(train.file(), support);
      try {
        plan = plan.fittedTo(train.size(), batchFixed);
      } catch (IllegalArgumentException e) {
        throw new DatasetException(train.file(), e.getMessage());
      }
      if (plan.batchReducedFrom() != null) {
        listener.onNote(
            "the training set has "
                + train.size()
                + " patches, fewer than one batch of "
                + plan.batchReducedFrom()
                + ": training with batches of "
                + plan.batchSize()
                + " (set \"batchSize\" to choose)");
      }
      return train(train, selection, evaluation, outDir, started, normalisation, support);
    }
  }

  private PatchDataset openMatching(Path file, PatchDataset train) {
    PatchDataset d = PatchDataset.open(file, data.layout(), train.bands());
    try {
      if (d.patchSize() != train.patchSize()) {
        throw new DatasetException(
            file,
            "patches are "
                + d.patchSize()
                + " px but the training set's are "
                + train.patchSize()
                + " px");
      }
      if (d.classes() != train.classes()) {
        throw new DatasetException(
            file,
            "labels have "
                + d.classes()
                + " classes but the training set's have "
                + train.classes());
      }
      return d;
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  private static void requireLczClasses(PatchDataset train) {
    int lcz = LczCatalog.standard().size();
    if (train.classes() != lcz) {
      throw new DatasetException(
          train.file(), "labels have " + train.classes() + " columns; the LCZ classes are " + lcz);
    }
  }

  private TrainingOutcome train(
      PatchDataset train,
      PatchDataset selection,
      PatchDataset evaluation,
      Path outDir,
      long started,
      Normalisation normalisation,
      long[] support) {
    Device device = device();
    int threads = TorchThreads.applyToCurrentThread(device);
    listener.onNote(
        device.isGpu()
            ? "training on " + device
            : "no GPU found: training on the CPU ("
                + device
                + ", "
                + threads
                + " PyTorch thread"
                + (threads == 1 ? "" : "s")
                + ")");
    int batchSize = plan.batchSize();
    listener.onNote(
        normalisation.radiometryNote().isEmpty()
            ? "radiometry: " + normalisation.radiometry().label() + " (as declared)"
            : normalisation.radiometryNote());
    float[] weights = ClassWeights.balanced(support);
    Engine.getInstance().setRandomSeed((int) plan.seed());
    Random random = new Random(plan.seed());

    LczNetwork net = Architectures.build(plan.variant(), train.bands().size(), train.classes());
    try (Model model = Model.newInstance(CHECKPOINT_NAME, device)) {
      model.setBlock(net);
      long perPatch = 4L * train.bands().size() * train.patchSize() * train.patchSize();
      ShuffledBatches batches =
          new ShuffledBatches(train, batchSize, (int) Math.max(batchSize, WINDOW_BYTES / perPatch));
      int steps = batches.batchesPerEpoch();
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(new WeightedCrossEntropy(weights))
              .optDevices(new Device[] {device})
              .optOptimizer(
                  Optimizer.adam().optLearningRateTracker(new StepDecay(plan, steps)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(net.inputShape(batchSize, train.patchSize()));
        KernelReport kernels = KernelSelfCheck.check(net, batchSize, trainer.getManager(), threads);
        listener.onNote(kernels.summary());
        Augmentation augmentation = plan.augment() ? new Augmentation(train.patchSize()) : null;
        List<EpochStats> history = new ArrayList<>();
        byte[] bestWeights = null;
        EarlyStopping stopping = new EarlyStopping(plan.patience());
        String stopReason = "trained all " + plan.epochs() + " epochs";
        for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
          EpochStats stats =
              epoch(trainer, batches, normalisation, augmentation, random, epoch, selection);
          history.add(stats);
          listener.onEpoch(stats);
          if (!Double.isFinite(stats.loss())) {
            throw new TrainingDivergedException(epoch, stats.loss());
          }
          if (stopping.improved(epoch, stats.validationOa())) {
            bestWeights = snapshot(net);
          }
          Optional<String> stop = stopping.stopAfter(epoch);
          if (stop.isPresent()) {
            stopReason = stop.get();
            listener.onNote(stopReason);
            break;
          }
        }
        int bestEpoch = stopping.bestEpoch();
        restore(net, trainer.getManager(), bestWeights);
        model.setProperty("Epoch", Integer.toString(bestEpoch));
        model.setProperty("variant", plan.variant());
        model.setProperty("bands", String.join(",", train.bands()));
        model.setProperty("patchSize", Integer.toString(train.patchSize()));
        Path checkpoint = save(model, outDir, bestEpoch);
        Evaluator.Predictions predictions =
            Evaluator.predictions(net, trainer.getManager(), evaluation, normalisation, batchSize);
        ConfusionMatrix cm = predictions.confusion(evaluation.classes());
        AreaBootstrap.Result byAreas =
            evaluation
                .areas()
                .map(
                    areas ->
                        AreaBootstrap.run(
                            predictions.truth(),
                            predictions.predicted(),
                            areas,
                            evaluation.classes(),
                            areaRepeats,
                            plan.seed()))
                .orElse(null);
        return new TrainingOutcome(
            plan,
            train.bands(),
            train.patchSize(),
            normalisation,
            support,
            weights,
            history,
            bestEpoch,
            stopReason,
            checkpoint,
            cm,
            device.toString(),
            Duration.ofNanos(System.nanoTime() - started),
            byAreas,
            kernels);
      }
    }
  }

  private EpochStats epoch(
      Trainer trainer,
      ShuffledBatches batches,
      Normalisation normalisation,
      Augmentation augmentation,
      Random random,
      int epoch,
      PatchDataset selection) {
    long start = System.nanoTime();
    double[] lossSum = new double[1];
    long[] correct = new long[1];
    int[] done = new int[1];
    int steps = batches.batchesPerEpoch();
    NDManager root = trainer.getManager();
    batches.epoch(
        random,
        batch -> {
          normalisation.apply(batch);
          if (augmentation != null) {
            augmentation.apply(batch, random);
          }
          try (NDManager step = root.newSubManager()) {
            NDArray x = Evaluator.images(step, batch);
            NDArray y = step.create(batch.labels(), new Shape(batch.size()));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList predictions = trainer.forward(new NDList(x));
              NDArray loss = trainer.getLoss().evaluate(new NDList(y), predictions);
              gc.backward(loss);
              lossSum[0] += loss.getFloat();
              int[] predicted =
                  predictions
                      .singletonOrThrow()
                      .argMax(1)
                      .toType(DataType.INT32, false)
                      .toIntArray();
              for (int i = 0; i < batch.size(); i++) {
                correct[0] += predicted[i] == batch.labels()[i] ? 1 : 0;
              }
            }
            trainer.step();
          }
          done[0]++;
          listener.onBatch(epoch, done[0], steps, lossSum[0] / done[0]);
        });
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    int samples = steps * plan.batchSize();
    ConfusionMatrix validation =
        Evaluator.confusion(
            trainer.getModel().getBlock(), root, selection, normalisation, plan.batchSize());
    double seconds = (System.nanoTime() - start) / 1e9;
    double validationOa = (double) trace(validation) / validation.total();
    return new EpochStats(
        epoch,
        plan.epochs(),
        lossSum[0] / steps,
        (double) correct[0] / samples,
        validationOa,
        plan.learningRateAt(epoch),
        samples / trainSeconds,
        seconds,
        seconds * (plan.epochs() - epoch),
        plan.batchSize());
  }

  private static long trace(ConfusionMatrix cm) {
    long t = 0;
    for (int i = 0; i < cm.size(); i++) {
      t += cm.count(i, i);
    }
    return t;
  }

  private static byte[] snapshot(LczNetwork net) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      net.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void restore(LczNetwork net, NDManager manager, byte[] weights) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
      net.loadParameters(manager, in);
    } catch (IOException | MalformedModelException e) {
      throw new IllegalStateException("could not restore the best epoch's weights", e);
    }
  }

  private static Path save(Model model, Path outDir, int epoch) {
    try {
      Files.createDirectories(outDir);
      model.save(outDir, CHECKPOINT_NAME);
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the checkpoint in " + outDir, e);
    }
    return outDir.resolve(String.format(Locale.ROOT, "%s-%04d.params", CHECKPOINT_NAME, epoch));
  }

  /** A classifier needs patches of at least two classes to learn anything. */
  static void requireTwoClasses(Path train, long[] support) {
    int present = 0;
    int only = -1;
    for (int k = 0; k < support.length; k++) {
      if (support[k] > 0) {
        present++;
        only = k;
      }
    }
    if (present < 2) {
      throw new DatasetException(
          train,
          present == 0
              ? "no patch has a class"
              : "every patch is of one class (label index "
                  + only
                  + "): a classifier needs patches of at least two classes");
    }
  }
}
