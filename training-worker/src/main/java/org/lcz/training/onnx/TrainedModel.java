package org.lcz.training.onnx;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.card.ModelCard;
import org.lcz.training.model.LczNetwork;
import org.lcz.training.train.TrainingRun;

/**
 * A model version folder loaded back: the card and the network with the checkpoint's weights. Close
 * it to free the weights.
 */
public final class TrainedModel implements AutoCloseable {
  private final Model model;
  private final LczNetwork net;
  private final ModelCard card;

  private TrainedModel(Model model, LczNetwork net, ModelCard card) {
    this.model = model;
    this.net = net;
    this.card = card;
  }

  /**
   * Loads the folder that holds {@code model.json} and the checkpoint it names.
   *
   * @throws IllegalArgumentException naming the file if the card or checkpoint is missing or
   *     unreadable
   */
  public static TrainedModel load(Path dir) {
    Path cardFile = dir.resolve(ModelCard.FILE_NAME);
    if (!Files.isRegularFile(cardFile)) {
      throw new IllegalArgumentException(
          dir + " has no " + ModelCard.FILE_NAME + " (a model version folder has one)");
    }
    ModelCard card;
    try {
      card = ModelCard.read(cardFile);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    String checkpoint = card.files() == null ? null : card.files().get("checkpoint");
    if (checkpoint == null || !Files.isRegularFile(dir.resolve(checkpoint))) {
      throw new IllegalArgumentException(
          cardFile + " names checkpoint '" + checkpoint + "', which is not in " + dir);
    }
    LczNetwork net =
        Architectures.build(
            Architectures.ofContractName(card.contract().architecture()),
            card.contract().bands().size(),
            card.contract().classValues().size());
    Model model = Model.newInstance(TrainingRun.CHECKPOINT_NAME);
    try {
      model.setBlock(net);
      net.initialize(
          model.getNDManager(), DataType.FLOAT32, net.inputShape(1, card.contract().patchSize()));
      model.load(dir, TrainingRun.CHECKPOINT_NAME, Map.of("epoch", card.bestEpoch()));
      return new TrainedModel(model, net, card);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(
          "cannot load checkpoint " + dir.resolve(checkpoint) + ": " + e.getMessage(), e);
    }
  }

  public LczNetwork net() {
    return net;
  }

  public ModelCard card() {
    return card;
  }

  /** The DJL model (its manager holds the weights). */
  public Model model() {
    return model;
  }

  @Override
  public void close() {
    model.close();
  }
}
