package org.lcz.inference.assembly;

import java.util.List;
import java.util.Map;

/** The preview PNG ({@code preview.png}): the raw map in LCZ colours with its legend. */
public final class Preview implements SceneProduct {
  @Override
  public List<Asset> make(AssembledScene scene, List<Stored> earlier) {
    return List.of(
        new Asset(
            "preview",
            "preview.png",
            PreviewImage.png(
                scene.map(),
                Character.toUpperCase(scene.title().charAt(0)) + scene.title().substring(1)),
            "image/png",
            "Preview in LCZ colours with legend",
            List.of("overview"),
            Map.of()));
  }
}
