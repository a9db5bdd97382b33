package org.lcz.scheme.areas;

import org.locationtech.jts.geom.Geometry;

/**
 * One training area: a polygon (or multipolygon) labelled with an LCZ class.
 *
 * @param id a short id unique in its file (the Placemark's or feature's name, else its position)
 * @param lcz the class value 1–17
 * @param geometry longitude/latitude in WGS 84 (x = longitude)
 */
public record TrainingArea(String id, int lcz, Geometry geometry) {
  public TrainingArea {
    if (lcz < 1 || lcz > 17) {
      throw new IllegalArgumentException("LCZ values are 1..17, not " + lcz);
    }
  }

  /** The same area with another geometry (after a repair or a replacement). */
  public TrainingArea with(Geometry other) {
    return new TrainingArea(id, lcz, other);
  }
}
