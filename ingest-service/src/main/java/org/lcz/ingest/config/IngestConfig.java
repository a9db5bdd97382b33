package org.lcz.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcz.contract.Sensors;

/** How scenes are brought onto the platform's grid and cut into tiles. */
@ConfigMapping(prefix = "lcz.ingest")
public interface IngestConfig {
  /**
   * The model the inference workers map with ({@code lcz.inference.model-name}): a re-map without a
   * model version takes its current version.
   */
  @WithDefault("msmla")
  String modelName();

  /** The platform's band specification: band names, in the order tiles carry them. */
  @WithDefault(Sensors.DEFAULT_BANDS)
  List<String> bands();

  /** Ground sample distance of the target grid, in metres. */
  @WithDefault("10")
  double groundSampleDistance();

  /** Tile edge in pixels of the target grid, without the halo. */
  @WithDefault("512")
  int tileSize();

  /**
   * Halo around each tile in pixels: half the model's patch, so windows at tile edges are whole.
   */
  @WithDefault("24")
  int halo();

  /**
   * The most pixels (width × height) a scene may have; larger ones, and files whose single internal
   * block would decode to more than 256 MB, are rejected before any pixel is read.
   */
  @WithDefault("1000000000")
  long maxScenePixels();

  /** The largest scene accepted by upload, in bytes. */
  @WithDefault("4294967296")
  long maxUploadBytes();

  /** Folder for downloaded scenes while they are tiled (one at a time). */
  @WithDefault("${java.io.tmpdir}/lcz-ingest")
  Path workDir();

  /** How often the inbox is listed, for stores that send no bucket notifications. */
  @WithDefault("5s")
  Duration inboxPollInterval();

  /**
   * How long a GeoTIFF in an inbox folder without a scene document waits for the folder to have no
   * new object before it is taken as a scene of its own (band files uploaded before their {@code
   * scene.json} are then the manifest's parts, whatever the upload order).
   */
  @WithDefault("30s")
  Duration folderSettle();

  /** Consumer group reading MinIO's inbox notifications from {@code lcz.inbox.notifications}. */
  @WithDefault("lcz-ingest-notifications")
  String notificationsGroup();

  /** Training requests that name training areas, whose data sets ingest builds. */
  Areas areas();

  /** How training areas become data sets. */
  interface Areas {
    /** Ingest's consumer group on {@code lcz.training.requests}. */
    @WithDefault("lcz-ingest-training-areas")
    String group();

    /** Patch side in pixels the data sets are cut with: the model's input (MSMLA: 48). */
    @WithDefault("48")
    int patch();
  }

  /**
   * How long after a {@code scene.json} arrives the files it names are waited for (upload them in
   * any order); then the scene is rejected naming the missing ones.
   */
  @WithDefault("10m")
  Duration manifestWait();

  /**
   * Other S3 endpoints that STAC Items' {@code s3://bucket/key} hrefs may point to, by a name of
   * your choosing ({@code
   * lcz.ingest.s3-sources.earth-search.endpoint=https://s3.us-west-2.amazonaws.com}, {@code
   * ….buckets=sentinel-cogs}); buckets no source names are the platform's own store.
   */
  Map<String, S3Source> s3Sources();

  /** One other S3 endpoint. */
  interface S3Source {
    /** Its address, e.g. {@code https://s3.us-west-2.amazonaws.com}. */
    URI endpoint();

    /** The buckets read from it. */
    List<String> buckets();

    /** With {@link #secretKey()}: the credentials; neither for a public endpoint. */
    Optional<String> accessKey();

    Optional<String> secretKey();

    @WithDefault("us-east-1")
    String region();
  }

  /**
   * API keys that REST writes need ({@code Authorization: Bearer <key>} or {@code X-API-Key}); none
   * configured leaves the API open (a warning at start). {@code ./lcz up} generates one.
   */
  Optional<List<String>> apiKeys();

  /** Whether reads (GET, the web page, the event stream) stay open when API keys are set. */
  @WithDefault("true")
  boolean apiReadsOpen();
}
