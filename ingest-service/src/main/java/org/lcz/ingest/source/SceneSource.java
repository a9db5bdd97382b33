package org.lcz.ingest.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lcz.contract.Radiometry;
import org.lcz.contract.RadiometryCheck;
import org.lcz.raster.RasterSource;
import org.lcz.raster.Resampling;

/**
 * An inbox object opened as a scene: its pixels on one grid with their CRS, and what the object
 * says about them. Closing it releases the files it opened.
 *
 * @param raster every band on one grid
 * @param resampling per band, how it is resampled if the scene must be reprojected
 * @param radiometry the radiometry the object declares for its reflectance bands, if it does
 * @param declaredBy who declares it, for messages (e.g. "the STAC Item's raster:bands")
 * @param trust how far the declaration is trusted against the values
 * @param notes what a person should know about how the object was read (e.g. the masked share)
 * @param resources what to close when the scene is done with
 * @param maskedShare the share of the scene masked as cloud, shadow or no data (0–1), if known
 * @param acquiredAt when the imagery was acquired, as the source says ({@code null}: it does not)
 */
public record SceneSource(
    RasterSource raster,
    List<Resampling> resampling,
    Optional<Radiometry> radiometry,
    String declaredBy,
    RadiometryCheck.Trust trust,
    List<String> notes,
    List<AutoCloseable> resources,
    Double maskedShare,
    Instant acquiredAt)
    implements AutoCloseable {
  public SceneSource {
    resampling = List.copyOf(resampling);
    if (resampling.size() != raster.bandNames().size()) {
      throw new IllegalArgumentException(
          resampling.size() + " resamplings for " + raster.bandNames().size() + " bands");
    }
    radiometry = radiometry == null ? Optional.empty() : radiometry;
    trust = trust == null ? RadiometryCheck.Trust.EXPLICIT : trust;
    notes = List.copyOf(notes);
    resources = List.copyOf(resources);
  }

  /** A scene whose acquisition time is not known (yet). */
  public SceneSource(
      RasterSource raster,
      List<Resampling> resampling,
      Optional<Radiometry> radiometry,
      String declaredBy,
      RadiometryCheck.Trust trust,
      List<String> notes,
      List<AutoCloseable> resources,
      Double maskedShare) {
    this(raster, resampling, radiometry, declaredBy, trust, notes, resources, maskedShare, null);
  }

  /** The same scene acquired at {@code when} ({@code null}: unknown). */
  public SceneSource acquiredAt(Instant when) {
    return new SceneSource(
        raster, resampling, radiometry, declaredBy, trust, notes, resources, maskedShare, when);
  }

  /** The same scene with one more note. */
  public SceneSource withNote(String note) {
    List<String> more = new ArrayList<>(notes);
    more.add(note);
    return new SceneSource(
        raster,
        resampling,
        radiometry,
        declaredBy,
        trust,
        more,
        resources,
        maskedShare,
        acquiredAt);
  }

  /** A scene whose masked share is not known. */
  public SceneSource(
      RasterSource raster,
      List<Resampling> resampling,
      Optional<Radiometry> radiometry,
      String declaredBy,
      RadiometryCheck.Trust trust,
      List<String> notes,
      List<AutoCloseable> resources) {
    this(raster, resampling, radiometry, declaredBy, trust, notes, resources, null);
  }

  /** A scene, every band bilinear, with what it declares explicitly of its radiometry. */
  public static SceneSource of(
      RasterSource raster,
      Optional<Radiometry> radiometry,
      String declaredBy,
      AutoCloseable resource) {
    List<Resampling> r = new ArrayList<>();
    raster.bandNames().forEach(b -> r.add(Resampling.BILINEAR));
    return new SceneSource(
        raster,
        r,
        radiometry,
        declaredBy,
        RadiometryCheck.Trust.EXPLICIT,
        List.of(),
        List.of(resource));
  }

  @Override
  public void close() {
    for (AutoCloseable c : resources) {
      try {
        c.close();
      } catch (Exception e) {
        // a file handle; nothing more to release
      }
    }
  }
}
