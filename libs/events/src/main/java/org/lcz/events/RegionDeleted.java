package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A region was deleted: no new versions are made; the versions made stay where they are. On {@code
 * lcz.regions}; key: the region's name.
 */
public record RegionDeleted(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) Instant deletedAt)
    implements LczEvent {

  public RegionDeleted {
    RegionDefined.name(name);
    Require.present(deletedAt, "deletedAt");
  }

  public RegionDeleted(String name, Instant deletedAt) {
    this(CURRENT_SCHEMA_VERSION, name, deletedAt);
  }

  @Override
  public String key() {
    return name;
  }
}
