package org.lcz.ingest.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.TileReady;
import org.lcz.ingest.config.IngestConfig;
import org.lcz.ingest.inbox.InboxObjects;
import org.lcz.ingest.inbox.IngestQueue;
import org.lcz.ingest.inbox.SceneIngestion;
import org.lcz.ingest.inbox.SceneStatus;
import org.lcz.ingest.status.MapProgress;
import org.lcz.ingest.status.SceneRemap;
import org.lcz.ingest.status.SceneReport;
import org.lcz.ingest.status.TrainingRuns;
import org.lcz.ingest.tiling.SceneTiles;
import org.lcz.ingest.web.SceneView;
import org.lcz.ingest.web.SceneViews;
import org.lcz.messaging.EventPublisher;
import org.lcz.raster.AcquisitionTime;
import org.lcz.raster.RasterException;
import org.lcz.raster.SceneManifest;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectKeys;
import org.lcz.storage.ObjectNotFoundException;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** Scenes: upload, register an inbox object, follow a scene, list scenes. */
@Path("/scenes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scenes")
@Blocking
public class ScenesResource {
  /** Where uploads are kept in the inbox. */
  static final String UPLOADS = "uploads/";

  @Inject ObjectStore store;
  @Inject IngestQueue queue;
  @Inject SceneIngestion ingestion;
  @Inject MapProgress progress;
  @Inject IngestConfig config;
  @Inject SceneViews views;
  @Inject TrainingRuns models;
  @Inject EventPublisher publisher;

  /**
   * The answer to {@code POST /scenes/{id}/remap}.
   *
   * @param modelVersion the version that maps the scene again
   * @param tiles tiles queued
   * @param map where the re-map's LCZ map will be ({@code s3://…})
   * @param scene the scene as it is now
   */
  public record Remapping(
      String sceneId, String modelVersion, int tiles, String map, SceneReport scene) {}

  /** Body of {@code POST /scenes/register}. */
  public record Registration(String key) {}

  @POST
  @Consumes({
    "image/tiff",
    MediaType.APPLICATION_OCTET_STREAM,
    MediaType.APPLICATION_JSON,
    "application/zip"
  })
  @Operation(
      summary = "Upload a scene",
      description =
          "Streams a scene to the inbox (uploads/{name}) and queues it: a GeoTIFF, a STAC Item"
              + " (.json, its assets' hrefs absolute) or a SAFE product (.zip). The file is"
              + " checked first (a GeoTIFF: readable, georeferenced, the platform's bands, a"
              + " known radiometry; an Item: its assets); a file that fails is kept in the"
              + " inbox, recorded as rejected and answered with 422.")
  @APIResponse(responseCode = "202", description = "received; follow it at the Location")
  @APIResponse(responseCode = "413", description = "larger than lcz.ingest.max-upload-bytes")
  @APIResponse(responseCode = "422", description = "not a scene the platform can tile")
  public Response upload(
      @Parameter(description = "file name, e.g. seoul_2026-05-01.tif", required = true)
          @QueryParam("name")
          String name,
      @Parameter(
              description =
                  "when the imagery was acquired (2025-06-01 or 2025-06-01T10:20:30Z), if the file"
                      + " does not say or says wrongly; kept as the object's 'acquired' metadata")
          @QueryParam("acquired")
          String acquired,
      @HeaderParam("Content-Length") Long length,
      @RequestBody(description = "the GeoTIFF's bytes") InputStream body) {
    String key = UPLOADS + uploadName(name);
    Map<String, String> metadata = new TreeMap<>();
    if (acquired != null) {
      try {
        metadata.put(
            SceneIngestion.ACQUIRED_METADATA,
            AcquisitionTime.require(acquired, "acquired").toString());
      } catch (IllegalArgumentException e) {
        throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, e.getMessage()));
      }
    }
    long max = config.maxUploadBytes();
    if (length != null && length > max) {
      throw tooLarge(length, max);
    }
    java.nio.file.Path file = spool(body, max);
    try {
      String problem = null;
      try {
        ingestion.check(uploadName(name), file);
      } catch (RasterException e) {
        problem = e.getMessage().replace(file.getFileName().toString(), uploadName(name));
      }
      store.put(
          Buckets.INBOX,
          key,
          file,
          key.endsWith(".json")
              ? "application/json"
              : key.endsWith(".zip") ? "application/zip" : "image/tiff",
          metadata);
      ObjectInfo object = store.stat(Buckets.INBOX, key);
      if (problem != null) {
        SceneStatus rejected = queue.reject(object, problem);
        throw new ProblemException(
            Problem.of(422, "Unprocessable Scene", problem).forScene(rejected.sceneId()));
      }
      return accepted(queue.submit(object).status());
    } finally {
      delete(file);
    }
  }

  @POST
  @Path("/register")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register an inbox object",
      description =
          "Queues an object already in lcz-inbox (a GeoTIFF, a scene.json, a STAC Item or a SAFE"
              + " product), without waiting for the inbox watcher.")
  @APIResponse(responseCode = "202", description = "received; follow it at the Location")
  @APIResponse(responseCode = "400", description = "no key, or not a scene object")
  @APIResponse(responseCode = "404", description = "no such object in lcz-inbox")
  public Response register(Registration registration) {
    if (registration == null || registration.key() == null || registration.key().isBlank()) {
      throw new ProblemException(
          Problem.of(
              Response.Status.BAD_REQUEST,
              "give the object's key in lcz-inbox: {\"key\": \"...\"}"));
    }
    String key = registration.key();
    try {
      ObjectKeys.requireSafeKey(key);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, e.getMessage()));
    }
    if (!InboxObjects.isScene(key)) {
      throw new ProblemException(
          Problem.of(
              Response.Status.BAD_REQUEST,
              key
                  + " is not a scene: the inbox reads "
                  + String.join(", ", ingestion.formats().names())));
    }
    if (!store.exists(Buckets.INBOX, key)) {
      throw new ProblemException(
          Problem.of(
              Response.Status.NOT_FOUND, "no object " + ObjectRef.of(Buckets.INBOX, key).uri()));
    }
    return accepted(queue.submit(store.stat(Buckets.INBOX, key)).status());
  }

  @GET
  @Path("/{sceneId}")
  @Operation(
      summary = "A scene's status",
      description =
          "received, tiling, tiled, mapping (tiles mapped / total as inference reports), done (with"
              + " the map's objects) or rejected (with the reason).")
  @APIResponse(responseCode = "200", description = "the scene")
  @APIResponse(responseCode = "404", description = "no such scene")
  public SceneReport scene(@PathParam("sceneId") String sceneId) {
    return report(statusOf(sceneId));
  }

  private SceneStatus statusOf(String sceneId) {
    if (!sceneId.matches("[A-Za-z0-9._-]{1,200}")) {
      throw new ProblemException(
          Problem.of(
              Response.Status.BAD_REQUEST,
              "not a scene id ("
                  + sceneId.length()
                  + " characters): scene ids are 1 to 200 letters, digits, '.', '_' and '-'"));
    }
    return ingestion
        .status(sceneId)
        .orElseThrow(
            () ->
                new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no scene " + sceneId)));
  }

  @POST
  @Path("/{sceneId}/remap")
  @Operation(
      summary = "Map a mapped scene again with another model version",
      description =
          "Maps the scene's stored tiles again (no re-tiling) with the current model version, or"
              + " with a published version named by ?model=. The new map is kept beside the"
              + " scene's other maps (lcz-maps/scenes/{id}/models/{version}/…), the scene's status"
              + " lists every map, and the regions the scene belongs to take the new map.")
  @APIResponse(responseCode = "202", description = "the tiles are queued; follow the scene")
  @APIResponse(responseCode = "404", description = "no such scene or model version")
  @APIResponse(
      responseCode = "409",
      description =
          "the scene is not mapped yet, already has a map by that version, no version is current,"
              + " or its tiles are no longer stored")
  @APIResponse(responseCode = "503", description = "the broker did not take the tiles")
  public Response remap(
      @PathParam("sceneId") String sceneId,
      @Parameter(description = "a published model version; the current one when absent")
          @QueryParam("model")
          String model) {
    SceneStatus status = statusOf(sceneId);
    List<TileReady> tiles;
    String version;
    try {
      SceneReport now = report(status);
      SceneRemap.requireMapped(now);
      version =
          SceneRemap.version(
                  model, config.modelName(), models.current(config.modelName()), models::model)
              .version();
      SceneRemap.requireNoMapBy(now, version);
      ObjectRef manifestRef = stored(ObjectRef.of(Buckets.TILES, status.manifest()), sceneId);
      tiles =
          SceneTiles.remap(
              sceneId,
              SceneManifest.read(store.read(manifestRef)),
              manifestRef,
              version,
              ref -> stored(ref, sceneId));
    } catch (SceneRemap.Refused e) {
      throw new ProblemException(
          Problem.of(Response.Status.fromStatusCode(e.status()), e.getMessage()).forScene(sceneId));
    }
    try {
      for (TileReady t : tiles) {
        publisher.publishAndWait(t, Duration.ofSeconds(30));
      }
    } catch (IllegalStateException e) {
      throw new ProblemException(
          Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              "the broker did not take the re-map's tiles ("
                  + e.getMessage()
                  + "); ask again (tiles already sent are mapped once)"));
    }
    String map = "s3://" + Buckets.MAPS + "/scenes/" + sceneId + "/models/" + version + "/lcz.tif";
    return Response.accepted(new Remapping(sceneId, version, tiles.size(), map, report(status)))
        .location(URI.create("/scenes/" + sceneId))
        .build();
  }

  /** {@code ref} as stored, with its SHA-256; 409 when the object is gone. */
  private ObjectRef stored(ObjectRef ref, String sceneId) {
    try {
      return store.stat(ref.bucket(), ref.key()).ref();
    } catch (ObjectNotFoundException e) {
      throw new ProblemException(
          Problem.of(
                  Response.Status.CONFLICT,
                  ref.uri()
                      + " of scene "
                      + sceneId
                      + " is no longer stored: drop the scene again to map it anew")
              .forScene(sceneId));
    }
  }

  @GET
  @Path("/{sceneId}/view")
  @Operation(
      summary = "What the web page shows of a scene",
      description =
          "The scene's CRS and extent, its true-colour quicklook, the map's layers (raw, filtered,"
              + " confidence) with their extent, the legend with each class's share, the masked"
              + " share and every product, each with a URL of this service.")
  @APIResponse(responseCode = "200", description = "the view")
  @APIResponse(responseCode = "404", description = "no such scene")
  public SceneView view(@PathParam("sceneId") String sceneId) {
    SceneStatus status = statusOf(sceneId);
    return views.of(status, report(status), completed(sceneId));
  }

  @GET
  @Path("/{sceneId}/files/{file}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "A file of a scene: its quicklook or a product of its map",
      description = "Streams the object from the store, e.g. quicklook.png, lcz.tif, lcz.kmz.")
  @APIResponse(responseCode = "200", description = "the file")
  @APIResponse(responseCode = "404", description = "no such scene or file")
  public Response file(@PathParam("sceneId") String sceneId, @PathParam("file") String file) {
    statusOf(sceneId);
    ObjectRef ref =
        views
            .file(sceneId, file, completed(sceneId))
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            Response.Status.NOT_FOUND,
                            "scene " + sceneId + " has no file " + file)));
    return StoredFiles.ok(store, ref).header("Cache-Control", "no-cache").build();
  }

  @GET
  @Operation(summary = "Scenes, the most recently changed first")
  public List<SceneReport> scenes(
      @Parameter(description = "at most this many (1..1000)")
          @QueryParam("limit")
          @DefaultValue("100")
          String limitText) {
    int limit;
    try {
      limit = Integer.parseInt(limitText.trim());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 1000) {
      throw new ProblemException(
          Problem.of(
              Response.Status.BAD_REQUEST, "limit must be within 1..1000, not " + limitText));
    }
    return store.list(Buckets.TILES, SceneStatus.PREFIX).stream()
        .sorted(Comparator.comparing(ObjectInfo::lastModified).reversed())
        .limit(limit)
        .map(o -> report(SceneStatus.read(store.read(o.ref()))))
        .toList();
  }

  /** The scene's SceneMapCompleted, or null while it is not mapped. */
  private SceneMapCompleted completed(String sceneId) {
    return progress.of(sceneId).map(MapProgress.Progress::completed).orElse(null);
  }

  private SceneReport report(SceneStatus status) {
    return SceneReport.of(status, progress.of(status.sceneId()), Buckets.TILES);
  }

  private static Response accepted(SceneStatus status) {
    return Response.accepted(SceneReport.of(status, Optional.empty(), Buckets.TILES))
        .location(URI.create("/scenes/" + status.sceneId()))
        .build();
  }

  private static String uploadName(String name) {
    if (name == null || name.isBlank()) {
      throw new ProblemException(
          Problem.of(
              Response.Status.BAD_REQUEST, "give the scene's file name: POST /scenes?name=x.tif"));
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    if (!InboxObjects.isScene(base) || !base.matches("[A-Za-z0-9._ -]{1,200}")) {
      throw new ProblemException(
          Problem.of(
              Response.Status.BAD_REQUEST,
              "name must be a scene's file name (at most 200 letters, digits, '.', '_', '-', ending in .tif,"
                  + " .tiff, .json for a STAC Item, or .zip for a SAFE product), not "
                  + name));
    }
    return base;
  }

  private java.nio.file.Path spool(InputStream body, long max) {
    try {
      Files.createDirectories(config.workDir());
      java.nio.file.Path file = config.workDir().resolve("upload-" + UUID.randomUUID() + ".tif");
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      try (OutputStream out = Files.newOutputStream(file)) {
        for (int n; (n = body.read(buffer)) > 0; ) {
          total += n;
          if (total > max) {
            out.close();
            delete(file);
            throw tooLarge(total, max);
          }
          out.write(buffer, 0, n);
        }
      }
      if (total == 0) {
        delete(file);
        throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "the body is empty"));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not receive the upload: " + e.getMessage(), e);
    }
  }

  private static ProblemException tooLarge(long size, long max) {
    return new ProblemException(
        Problem.of(
            413,
            "Content Too Large",
            "the scene is larger than the "
                + max
                + " bytes an upload may have (lcz.ingest.max-upload-bytes"
                + (size > max ? ", got at least " + size : "")
                + "); put it into lcz-inbox with an S3 client instead"));
  }

  private static void delete(java.nio.file.Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover in the work folder; nothing of the scene depends on it
    }
  }
}
