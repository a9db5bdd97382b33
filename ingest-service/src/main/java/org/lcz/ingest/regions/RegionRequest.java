package org.lcz.ingest.regions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.lcz.events.RegionDefined;
import org.lcz.raster.AcquisitionTime;
import org.lcz.scheme.regions.RegionGrid;
import org.lcz.scheme.regions.RegionOutline;

/**
 * The body of {@code POST /regions}: {@code {"name": "porto", "outline": <GeoJSON geometry or [w,
 * s, e, n]>, "from": "2025-01-01", "to": "2025-12-31", "crs": "EPSG:32629", "models": "current"}};
 * only {@code name} and {@code outline} are required. {@code from} and {@code to} are acquisition
 * times (a date or a UTC time; a date {@code to} includes its whole day); {@code crs} defaults to
 * the UTM zone of the outline's centroid; cells are 100 m ({@code cellSize}).
 */
public record RegionRequest(
    String name,
    JsonNode outline,
    String from,
    String to,
    String crs,
    Double cellSize,
    String models) {

  /** The default cell edge in metres (the LCZ standard). */
  public static final double CELL_SIZE = 100;

  /**
   * The definition this request makes, checked (the grid is laid out once to be sure it can be).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public RegionDefined toEvent(Instant now) {
    RegionDefined.name(name);
    RegionOutline o = RegionOutline.parse(outline);
    int epsg = crs == null || crs.isBlank() ? o.utmEpsg() : epsg(crs);
    double cell = cellSize == null ? CELL_SIZE : cellSize;
    if (!(cell >= 10 && cell <= 1000)) {
      throw new IllegalArgumentException("cellSize is in metres, 10 to 1000, not " + cell);
    }
    RegionGrid.of(o, epsg, cell);
    return new RegionDefined(
        name,
        o.toGeoJson(),
        from == null ? null : AcquisitionTime.require(from, "from"),
        to == null ? null : end(to),
        epsg,
        cell,
        models == null ? RegionDefined.CURRENT : models.trim().toLowerCase(Locale.ROOT),
        now);
  }

  /** The exclusive end of the period {@code to} closes: a date includes its day. */
  static Instant end(String to) {
    try {
      return LocalDate.parse(to.trim()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return AcquisitionTime.require(to, "to");
    }
  }

  /** {@code EPSG:32629} or {@code 32629}. */
  static int epsg(String crs) {
    String c = crs.trim().toUpperCase(Locale.ROOT);
    if (c.startsWith("EPSG:")) {
      c = c.substring(5);
    }
    try {
      return Integer.parseInt(c);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("crs is an EPSG code (EPSG:32629), not '" + crs + "'");
    }
  }
}
