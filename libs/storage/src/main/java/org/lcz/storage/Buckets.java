package org.lcz.storage;

import java.util.List;

/** The platform's buckets: the one place their names are written down. */
public final class Buckets {
  /** What users drop: scenes, or a folder per scene with one file per band and a manifest. */
  public static final String INBOX = "lcz-inbox";

  /**
   * Scene manifests and tiles: {@code scenes/{sceneId}/manifest.json}, {@code tiles/{r}_{c}.tif}.
   */
  public static final String TILES = "lcz-tiles";

  /** HDF5 patch data sets for training. */
  public static final String DATASETS = "lcz-datasets";

  /** Models: {@code msmla/{version}/model.onnx}, {@code model.json}, plots. */
  public static final String MODELS = "lcz-models";

  /** Maps: map tiles, the scene COG {@code lcz.tif}, {@code preview.png}, {@code item.json}. */
  public static final String MAPS = "lcz-maps";

  private static final List<String> ALL = List.of(INBOX, TILES, DATASETS, MODELS, MAPS);

  private Buckets() {}

  /** Every bucket of the platform. */
  public static List<String> all() {
    return ALL;
  }
}
