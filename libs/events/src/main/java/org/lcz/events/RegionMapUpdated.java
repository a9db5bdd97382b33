package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcz.storage.ObjectRef;

/**
 * A new version of a region's map is complete: fused from its members' scene maps, every product
 * stored under {@code lcz-maps/regions/{name}/v{version}/}. Exactly one per version. On {@code
 * lcz.region-maps}; key: the region's name.
 *
 * @param version 1, 2, … (a new one per new member set)
 * @param members the scene maps fused, by scene id
 * @param products every stored product file by its asset name
 * @param coverage the share of the outline's cells observed by at least one member (0–1)
 * @param observedCells cells of the outline observed
 * @param outlineCells cells of the outline
 */
public record RegionMapUpdated(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String region,
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) List<Member> members,
    @JsonProperty(required = true) Map<String, ObjectRef> products,
    @JsonProperty(required = true) double coverage,
    @JsonProperty(required = true) long observedCells,
    @JsonProperty(required = true) long outlineCells,
    @JsonProperty(required = true) Instant updatedAt)
    implements LczEvent {

  /**
   * One member scene map.
   *
   * @param map its LCZ map ({@code lcz.tif}), whose classes are the member's own
   * @param probabilities its probabilities product (with the SHA-256 of the map fused)
   */
  public record Member(
      @JsonProperty(required = true) String sceneId,
      @JsonProperty(required = true) String modelVersion,
      @JsonInclude(JsonInclude.Include.NON_NULL) Instant acquiredAt,
      @JsonProperty(required = true) ObjectRef map,
      @JsonProperty(required = true) ObjectRef probabilities,
      @JsonProperty(required = true) ObjectRef stacItem) {
    public Member {
      Require.id(sceneId, "sceneId");
      Require.present(modelVersion, "modelVersion");
      Require.present(map, "map");
      Require.present(probabilities, "probabilities");
      Require.present(stacItem, "stacItem");
    }
  }

  public RegionMapUpdated {
    RegionDefined.name(region);
    Require.atLeast(version, 1, "version");
    members = List.copyOf(Require.present(members, "members"));
    products =
        Collections.unmodifiableMap(new LinkedHashMap<>(Require.present(products, "products")));
    Require.present(updatedAt, "updatedAt");
  }

  public RegionMapUpdated(
      String region,
      int version,
      List<Member> members,
      Map<String, ObjectRef> products,
      double coverage,
      long observedCells,
      long outlineCells,
      Instant updatedAt) {
    this(
        CURRENT_SCHEMA_VERSION,
        region,
        version,
        members,
        products,
        coverage,
        observedCells,
        outlineCells,
        updatedAt);
  }

  @Override
  public String key() {
    return region;
  }
}
