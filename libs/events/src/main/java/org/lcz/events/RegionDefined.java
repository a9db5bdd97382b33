package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A region was defined (or redefined): a place whose LCZ map the platform keeps current from every
 * scene map that meets it. On the compacted topic {@code lcz.regions}; key: the region's name.
 *
 * @param name 1–64 of {@code a-z 0-9 _ -}, starting with a letter or digit
 * @param outline a GeoJSON Polygon or MultiPolygon in WGS 84 longitude/latitude
 * @param from the first acquisition time that counts, if the period has a start
 * @param to the end of the period (exclusive), if it has one
 * @param epsg the projected CRS of the region's grid
 * @param cellSize the grid's cell edge in metres
 * @param models which scene maps count: {@code current} (made by the current model) or {@code any}
 */
public record RegionDefined(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) JsonNode outline,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant from,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant to,
    @JsonProperty(required = true) int epsg,
    @JsonProperty(required = true) double cellSize,
    @JsonProperty(required = true) String models,
    @JsonProperty(required = true) Instant definedAt)
    implements LczEvent {

  /** Only maps made by the model current when the region is fused count. */
  public static final String CURRENT = "current";

  /** Every scene's latest map counts, whichever model made it. */
  public static final String ANY = "any";

  /** What a region's name may be. */
  public static final String NAME_FORM = "[a-z0-9][a-z0-9_-]{0,63}";

  public RegionDefined {
    name(name);
    Require.present(outline, "outline");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the period ends (" + to + ") before it starts (" + from + ")");
    }
    Require.atLeast(epsg, 1, "epsg");
    if (!(cellSize >= 1)) {
      throw new IllegalArgumentException("field 'cellSize' must be at least 1 m, not " + cellSize);
    }
    if (!CURRENT.equals(models) && !ANY.equals(models)) {
      throw new IllegalArgumentException(
          "field 'models' is 'current' or 'any', not '" + models + "'");
    }
    Require.present(definedAt, "definedAt");
  }

  public RegionDefined(
      String name,
      JsonNode outline,
      Instant from,
      Instant to,
      int epsg,
      double cellSize,
      String models,
      Instant definedAt) {
    this(CURRENT_SCHEMA_VERSION, name, outline, from, to, epsg, cellSize, models, definedAt);
  }

  /** Returns {@code name} if it can name a region; else fails saying what a name may be. */
  public static String name(String name) {
    Require.present(name, "name");
    if (!name.matches(NAME_FORM)) {
      throw new IllegalArgumentException(
          "a region's name is 1–64 of a-z, 0-9, '_' and '-', starting with a letter or digit,"
              + " not '"
              + (name.length() > 80 ? name.substring(0, 80) + "…" : name)
              + "'");
    }
    return name;
  }

  /** Whether an acquisition at {@code acquiredAt} falls in the period (unknown: only if open). */
  public boolean inPeriod(Instant acquiredAt) {
    if (acquiredAt == null) {
      return from == null && to == null;
    }
    return (from == null || !acquiredAt.isBefore(from)) && (to == null || acquiredAt.isBefore(to));
  }

  @Override
  public String key() {
    return name;
  }
}
