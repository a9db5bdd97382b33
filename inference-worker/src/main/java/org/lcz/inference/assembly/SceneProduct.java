package org.lcz.inference.assembly;

import java.util.List;
import java.util.Map;
import org.lcz.storage.ObjectRef;

/**
 * One product of an assembled scene (the LCZ map COG, class probabilities, area statistics, the
 * preview, the STAC Item …): the files it writes for the scene. The assembler stores each file
 * under {@code lcz-maps/scenes/{sceneId}/} in the order of its product list, so a product sees the
 * files stored before it (the STAC Item lists them). A new product is one new class in that list.
 */
public interface SceneProduct {
  /** The files of this product for {@code scene}. */
  List<Asset> make(AssembledScene scene, List<Stored> earlier);

  /**
   * A file to store.
   *
   * @param name the asset's key in the STAC Item and in SceneMapCompleted's products
   * @param fileName its object name under the scene's prefix
   * @param stacFields further fields of its STAC asset (e.g. {@code raster:bands})
   */
  record Asset(
      String name,
      String fileName,
      byte[] bytes,
      String contentType,
      String title,
      List<String> roles,
      Map<String, Object> stacFields) {
    public Asset {
      roles = List.copyOf(roles);
      stacFields = Map.copyOf(stacFields);
    }
  }

  /** A file stored: its asset description and where it is. */
  record Stored(Asset asset, ObjectRef ref) {}
}
