package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.lcz.storage.ObjectRef;

/**
 * WUDAPT training areas to train on and the scenes to sample them from: ingest builds the HDF5 data
 * sets from them (quality control, cells inside the areas, splits by area) and sends the training
 * request again with the data sets.
 *
 * @param areas a KML, KMZ or GeoJSON file of training areas
 * @param scenes one or more scenes in any form the inbox reads (GeoTIFF, STAC Item, SAFE, {@code
 *     scene.json}); each area is sampled in every scene that covers it
 * @param classProperty the GeoJSON property holding the class; optional ({@code lcz})
 * @param perArea the most cells one area gives per scene; optional (200)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingAreas(
    @JsonProperty(required = true) ObjectRef areas,
    @JsonProperty(required = true) List<ObjectRef> scenes,
    String classProperty,
    Integer perArea) {

  public TrainingAreas {
    Require.present(areas, "trainingAreas.areas");
    if (scenes == null || scenes.isEmpty()) {
      throw new IllegalArgumentException("trainingAreas.scenes must name at least one scene");
    }
    scenes = List.copyOf(scenes);
    if (perArea != null && perArea < 1) {
      throw new IllegalArgumentException(
          "trainingAreas.perArea must be at least 1, not " + perArea);
    }
  }
}
