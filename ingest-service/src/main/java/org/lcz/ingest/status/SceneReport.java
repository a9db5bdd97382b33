package org.lcz.ingest.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcz.events.SceneMapCompleted;
import org.lcz.ingest.inbox.SceneStatus;
import org.lcz.ingest.status.MapProgress.Progress;

/**
 * A scene as users see it over REST: ingestion's status joined with inference's progress. {@code
 * received}, {@code tiling}, {@code tiled}, then {@code mapping} once a map tile is reported and
 * {@code done} once the scene map is assembled; or {@code rejected} with the reason.
 *
 * @param state {@code received}, {@code tiling}, {@code tiled}, {@code mapping}, {@code done} or
 *     {@code rejected}
 * @param source the inbox object
 * @param tiles tile counts, once tiled
 * @param manifest the tile manifest, once tiled
 * @param reason why it was rejected, or what it waits for
 * @param notes what ingestion noted while tiling (radiometry, masking, reprojection)
 * @param map the newest map's objects, once done (after a re-map: the re-map's)
 * @param maps every map of the scene — the first one, then each re-map by a model version — with
 *     its state and, once assembled, its objects; absent before inference reported anything
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SceneReport(
    String sceneId,
    String state,
    String source,
    Tiles tiles,
    String manifest,
    String reason,
    List<String> notes,
    MapOutputs map,
    List<MapVersion> maps,
    Instant receivedAt,
    Instant updatedAt) {
  public static final String MAPPING = "mapping";
  public static final String DONE = "done";

  /**
   * @param total tiles the scene was cut into
   * @param mapped tiles inference has written a map tile for
   */
  public record Tiles(int total, int mapped) {}

  /** The finished map's objects ({@code s3://…}) and the model version that made it. */
  public record MapOutputs(
      String cog,
      String preview,
      String stacItem,
      String modelVersion,
      Map<String, String> products) {}

  /**
   * One map of the scene.
   *
   * @param modelVersion the model version that made it (the first map: its announcement's — all of
   *     them, comma-separated, after a swap mid-scene — and until then its latest tile's)
   * @param remap whether it is a re-map ({@code POST /scenes/{id}/remap})
   * @param state {@code mapping} or {@code done}
   * @param outputs its objects, once done
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MapVersion(
      String modelVersion,
      boolean remap,
      String state,
      Tiles tiles,
      MapOutputs outputs,
      Instant completedAt) {
    static MapVersion of(MapProgress.MapState m) {
      SceneMapCompleted done = m.completed();
      return new MapVersion(
          m.modelVersion(),
          m.remap(),
          done == null ? MAPPING : DONE,
          new Tiles(m.tilesTotal(), Math.min(m.tilesMapped(), m.tilesTotal())),
          done == null ? null : SceneReport.outputs(done),
          done == null ? null : done.completedAt());
    }
  }

  /** Joins a status with what inference reported. */
  public static SceneReport of(
      SceneStatus status, Optional<Progress> progress, String tilesBucket) {
    String state = status.state();
    Tiles tiles = null;
    MapOutputs map = null;
    if (SceneStatus.TILED.equals(state)) {
      int mapped = progress.map(Progress::tilesMapped).orElse(0);
      tiles = new Tiles(status.tiles(), Math.min(mapped, status.tiles()));
      SceneMapCompleted done = progress.map(Progress::completed).orElse(null);
      if (done != null) {
        state = DONE;
        map = outputs(done);
      } else if (mapped > 0) {
        state = MAPPING;
      }
    }
    return new SceneReport(
        status.sceneId(),
        state,
        status.source(),
        tiles,
        status.manifest() == null ? null : "s3://" + tilesBucket + "/" + status.manifest(),
        status.reason(),
        status.notes(),
        map,
        progress.map(p -> p.maps().stream().map(MapVersion::of).toList()).orElse(null),
        status.receivedAt(),
        status.at());
  }

  private static MapOutputs outputs(SceneMapCompleted done) {
    return new MapOutputs(
        done.map().uri(),
        done.preview().uri(),
        done.stacItem().uri(),
        done.modelVersion(),
        products(done));
  }

  /** Every product of the map by name, as {@code s3://} addresses, in the order written. */
  private static Map<String, String> products(SceneMapCompleted done) {
    Map<String, String> uris = new LinkedHashMap<>();
    done.products().forEach((name, ref) -> uris.put(name, ref.uri()));
    return Collections.unmodifiableMap(uris);
  }
}
