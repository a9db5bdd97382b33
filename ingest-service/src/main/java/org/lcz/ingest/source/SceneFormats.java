package org.lcz.ingest.source;

import java.util.List;
import java.util.Optional;
import org.lcz.contract.Sensors;

/** Which {@link SceneFormat} an inbox object is, by its key: the one resolver of the inbox. */
public final class SceneFormats {
  private final List<SceneFormat> formats;

  public SceneFormats(List<SceneFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /** The platform's default band specification (Sentinel-2's ten 10 m and 20 m bands). */
  public static final List<String> DEFAULT_BANDS = Sensors.SENTINEL_2.defaultBands();

  /** Every format the platform reads, documents first, taking {@code bands} from products. */
  public static SceneFormats standard(List<String> bands) {
    return standard(bands, RemoteBuckets.none());
  }

  /**
   * {@link #standard(List)}, with STAC Items' {@code s3://} hrefs into {@code remote}'s buckets
   * read from their endpoints.
   */
  public static SceneFormats standard(List<String> bands, RemoteBuckets remote) {
    return new SceneFormats(
        List.of(
            new ManifestFormat(),
            new StacItemFormat(bands, remote),
            new SafeFormat(bands),
            new GeoTiffFormat()));
  }

  /** {@link #standard(List)} with the default bands (enough to tell formats apart by key). */
  public static SceneFormats standard() {
    return standard(DEFAULT_BANDS);
  }

  /** The format of an inbox object, if it is a scene or a scene document. */
  public Optional<SceneFormat> of(String key) {
    return formats.stream().filter(f -> f.claims(key)).findFirst();
  }

  /** Whether {@code key} is a document whose folder's GeoTIFFs are its parts. */
  public boolean ownsFolder(String key) {
    return of(key).map(SceneFormat::ownsFolder).orElse(false);
  }

  /** Whether {@code key} may be a scene of its own or a scene document. */
  public boolean isScene(String key) {
    return of(key).isPresent();
  }

  /** The formats, for messages. */
  public List<String> names() {
    return formats.stream().map(SceneFormat::name).toList();
  }
}
