package org.lcz.training.data;

import java.util.List;
import org.lcz.contract.Sensors;

/**
 * Where a patch data set keeps its images and labels, and what its image channels are.
 *
 * @param imageKey the N×H×W×C image dataset
 * @param labelKey the N×classes one-hot label dataset
 * @param bandNames the names of the C image channels, in file order
 */
public record DatasetLayout(String imageKey, String labelKey, List<String> bandNames) {
  /** The ten Sentinel-2 bands both published layouts carry, in their order. */
  public static final List<String> SENTINEL2 = Sensors.SENTINEL_2.defaultBands();

  /** MSMLA: {@code sen2} (N×48×48×C) and {@code label} (N×17). */
  public static final DatasetLayout MSMLA = new DatasetLayout("sen2", "label", SENTINEL2);

  /** So2Sat LCZ42: {@code sen2} (N×32×32×10, reflectance) and {@code label} (N×17). */
  public static final DatasetLayout SO2SAT = new DatasetLayout("sen2", "label", SENTINEL2);

  public DatasetLayout {
    if (imageKey == null || imageKey.isBlank() || labelKey == null || labelKey.isBlank()) {
      throw new IllegalArgumentException("a data set layout needs image and label keys");
    }
    bandNames = List.copyOf(bandNames);
    if (bandNames.isEmpty() || bandNames.stream().distinct().count() != bandNames.size()) {
      throw new IllegalArgumentException("band names must be distinct and not empty: " + bandNames);
    }
  }

  /** The same layout with other band names (e.g. a data set with ancillary bands). */
  public DatasetLayout withBands(List<String> names) {
    return new DatasetLayout(imageKey, labelKey, names);
  }
}
