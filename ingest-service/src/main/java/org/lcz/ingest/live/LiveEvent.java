package org.lcz.ingest.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What the web page is told over Server-Sent Events: that something changed, not the new state (the
 * page reads that from the REST API, the one source of truth).
 *
 * @param kind {@code scene} (a scene's status or map progress), {@code training} (a run's
 *     progress), {@code model} (a model was published), {@code region} (a region was defined,
 *     deleted or got a new version), or {@code heartbeat}
 * @param id the scene id, run id, model version or region name
 * @param type the event type (e.g. {@code EpochCompleted}) or the scene's new ingest state
 * @param at when it happened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveEvent(String kind, String id, String type, Instant at) {
  public static final String SCENE = "scene";
  public static final String TRAINING = "training";
  public static final String MODEL = "model";
  public static final String REGION = "region";
  public static final String HEARTBEAT = "heartbeat";
}
