package org.lcz.ingest.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lcz.contract.Radiometry;
import org.lcz.raster.AcquisitionTime;
import org.lcz.raster.RasterException;
import org.lcz.raster.Resampling;

/**
 * A {@code scene.json} manifest: a scene made of one GeoTIFF per band (and ancillary rasters such
 * as a DEM or a land-cover map) in the manifest's folder of the inbox. One band's grid is the
 * reference; the others may have other resolutions and extents on the same CRS and are resampled
 * onto it, each as it declares.
 *
 * <pre>{@code
 * {
 *   "reference": "B2",
 *   "nodata": 0,
 *   "acquired": "2025-06-01T10:20:31Z",
 *   "bands": [
 *     {"name": "B2", "file": "B02_10m.tif"},
 *     {"name": "B11", "file": "B11_20m.tif", "resampling": "bilinear"},
 *     {"name": "DEM", "file": "dem_30m.tif", "resampling": "bilinear"},
 *     {"name": "landcover", "file": "worldcover.tif", "resampling": "nearest", "band": 1}
 *   ]
 * }
 * }</pre>
 *
 * @param bands the bands, each from a file relative to the manifest's folder
 * @param reference the band whose grid the scene takes (default: the first band)
 * @param nodata the value of pixels no band file covers (default: the reference file's nodata)
 * @param radiometry the reflectance bands' radiometry ({@code fraction}, {@code x10000}, with
 *     {@code +offset} when the BOA offset is not removed); default: detected from the values
 * @param acquired when the imagery was acquired (a date or an ISO 8601 time, UTC unless it says)
 */
public record SceneDefinition(
    List<BandFile> bands, String reference, Double nodata, String radiometry, String acquired) {
  /** The name inbox manifests have. */
  public static final String FILE_NAME = "scene.json";

  /**
   * One band.
   *
   * @param name the band's name (matched to the platform's band specification)
   * @param file the GeoTIFF, relative to the manifest's folder
   * @param band which band of the file, 1-based (default 1)
   * @param resampling {@code bilinear} (default, continuous data) or {@code nearest} (categorical
   *     data)
   */
  public record BandFile(String name, String file, Integer band, String resampling) {
    /** The band of the file, 0-based. */
    public int bandIndex() {
      return band == null ? 0 : band - 1;
    }

    public Resampling method() {
      return resampling == null ? Resampling.BILINEAR : Resampling.of(resampling);
    }
  }

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public SceneDefinition(
      @JsonProperty("bands") List<BandFile> bands,
      @JsonProperty("reference") String reference,
      @JsonProperty("nodata") Double nodata,
      @JsonProperty("radiometry") String radiometry,
      @JsonProperty("acquired") String acquired) {
    this.bands = bands == null ? List.of() : List.copyOf(bands);
    this.reference = reference;
    this.nodata = nodata;
    this.radiometry = radiometry;
    this.acquired = acquired;
  }

  /** When the imagery was acquired, if the manifest says. */
  public Optional<Instant> acquiredAt() {
    return acquired == null ? Optional.empty() : AcquisitionTime.parse(acquired);
  }

  /**
   * Reads and checks a manifest.
   *
   * @throws RasterException saying what is wrong in {@code scene.json}
   */
  public static SceneDefinition parse(byte[] json) {
    SceneDefinition d;
    try {
      d = JSON.readValue(json, SceneDefinition.class);
    } catch (JsonProcessingException e) {
      throw new RasterException(FILE_NAME + ": not a scene manifest: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RasterException(FILE_NAME + ": cannot be read: " + e.getMessage());
    }
    d.check();
    return d;
  }

  private void check() {
    if (bands.isEmpty()) {
      throw problem(
          "lists no bands; give \"bands\": [{\"name\": \"B2\", \"file\": \"B02.tif\"}, …]");
    }
    Set<String> names = new HashSet<>();
    for (BandFile b : bands) {
      if (b == null || b.name() == null || b.name().isBlank()) {
        throw problem("a band has no name");
      }
      if (!names.add(b.name())) {
        throw problem("band " + b.name() + " is listed twice");
      }
      String f = b.file();
      if (f == null || f.isBlank()) {
        throw problem("band " + b.name() + " names no file");
      }
      if (f.startsWith("/") || f.contains("..") || f.contains("\\") || f.contains("://")) {
        throw problem(
            "band " + b.name() + ": file " + f + " must be a path inside the manifest's folder");
      }
      if (b.band() != null && b.band() < 1) {
        throw problem("band " + b.name() + ": \"band\" counts from 1, not " + b.band());
      }
      try {
        b.method();
      } catch (IllegalArgumentException e) {
        throw problem("band " + b.name() + ": " + e.getMessage());
      }
    }
    if (reference != null && !names.contains(reference)) {
      throw problem("the reference band " + reference + " is not among the bands " + names);
    }
    if (acquired != null) {
      try {
        AcquisitionTime.require(acquired, "\"acquired\"");
      } catch (IllegalArgumentException e) {
        throw problem(e.getMessage());
      }
    }
    if (radiometry != null) {
      try {
        Radiometry.parse(radiometry);
      } catch (IllegalArgumentException e) {
        throw problem(e.getMessage());
      }
    }
  }

  private static RasterException problem(String what) {
    return new RasterException(FILE_NAME + ": " + what);
  }

  /** The reference band. */
  public BandFile referenceBand() {
    if (reference == null) {
      return bands.get(0);
    }
    return bands.stream().filter(b -> b.name().equals(reference)).findFirst().orElseThrow();
  }

  /** The distinct files, in order of first mention. */
  public List<String> files() {
    return new ArrayList<>(new LinkedHashSet<>(bands.stream().map(BandFile::file).toList()));
  }
}
