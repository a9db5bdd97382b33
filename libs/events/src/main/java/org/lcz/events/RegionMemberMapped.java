package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.lcz.storage.ObjectRef;

/**
 * A scene map that meets a region (its outline, its period): the region's next version should count
 * it. On {@code lcz.region-maps}; key: the region's name, so one owner takes a region's updates in
 * order. Sent at least once; a member already counted with the same map makes no new version.
 *
 * @param map the scene map ({@code lcz.tif}: its classes are the member's own)
 * @param probabilities the scene map's class probabilities ({@code probabilities.tif})
 * @param stacItem the scene map's STAC Item
 * @param completedAt when the scene map was made (the latest map of a scene replaces the others)
 * @param definedAt the definition of the region it was found for (a region deleted and defined
 *     again starts with no members)
 */
public record RegionMemberMapped(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String region,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) String modelVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant acquiredAt,
    @JsonProperty(required = true) ObjectRef map,
    @JsonProperty(required = true) ObjectRef probabilities,
    @JsonProperty(required = true) ObjectRef stacItem,
    @JsonProperty(required = true) Instant completedAt,
    @JsonProperty(required = true) Instant definedAt)
    implements LczEvent {

  public RegionMemberMapped {
    RegionDefined.name(region);
    Require.id(sceneId, "sceneId");
    Require.present(modelVersion, "modelVersion");
    Require.present(map, "map");
    Require.present(probabilities, "probabilities");
    Require.present(stacItem, "stacItem");
    Require.present(completedAt, "completedAt");
    Require.present(definedAt, "definedAt");
  }

  public RegionMemberMapped(
      String region,
      String sceneId,
      String modelVersion,
      Instant acquiredAt,
      ObjectRef map,
      ObjectRef probabilities,
      ObjectRef stacItem,
      Instant completedAt,
      Instant definedAt) {
    this(
        CURRENT_SCHEMA_VERSION,
        region,
        sceneId,
        modelVersion,
        acquiredAt,
        map,
        probabilities,
        stacItem,
        completedAt,
        definedAt);
  }

  /** The member as a region version lists it. */
  public RegionMapUpdated.Member member() {
    return new RegionMapUpdated.Member(
        sceneId, modelVersion, acquiredAt, map, probabilities, stacItem);
  }

  @Override
  public String key() {
    return region;
  }
}
