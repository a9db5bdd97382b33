package org.lcz.inference.map;

import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;

/**
 * A model version ready to map tiles: its published event (contract, version) and a classifier
 * running it, with one {@link TileMapper} whose buffers are reused for every tile.
 */
public final class ActiveModel implements AutoCloseable {
  private final ModelPublished published;
  private final PatchClassifier classifier;
  private final TileMapper mapper;

  public ActiveModel(ModelPublished published, PatchClassifier classifier, int batchSize) {
    this.published = published;
    this.classifier = classifier;
    ModelContract c = published.contract();
    this.mapper =
        new TileMapper(
            classifier,
            c.classValues(),
            batchSize,
            c.bands().size() * c.patchSize() * c.patchSize());
  }

  public ModelPublished published() {
    return published;
  }

  public ModelContract contract() {
    return published.contract();
  }

  public String version() {
    return published.version();
  }

  public TileMapper mapper() {
    return mapper;
  }

  public PatchClassifier classifier() {
    return classifier;
  }

  @Override
  public void close() {
    try {
      mapper.close();
    } finally {
      classifier.close();
    }
  }
}
