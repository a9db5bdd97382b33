package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lcz.storage.ObjectRef;

/**
 * The LCZ map of a whole scene is assembled: its products (the LCZ map COG, class probabilities,
 * area statistics, the preview, the STAC Item …), each by name. Key: the scene id.
 *
 * <p>Schema version 2 added {@code products}; {@code map}, {@code preview} and {@code stacItem}
 * stay (the products {@code map}, {@code preview} and {@code stac-item}). A version 1 payload reads
 * with those three as its products. Version 3 added {@code acquiredAt}, when the scene's imagery
 * was acquired (absent when its source did not say). Version 4 added {@code remap}: the map is a
 * re-map of an already mapped scene by {@code modelVersion}, kept beside the scene's other maps.
 *
 * @param products every stored product file by its asset name, in the order they were written
 * @param acquiredAt when the imagery was acquired, if known
 * @param remap whether this is a re-map (false, and absent, for the scene's first map)
 */
public record SceneMapCompleted(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) ObjectRef map,
    @JsonProperty(required = true) ObjectRef preview,
    @JsonProperty(required = true) ObjectRef stacItem,
    @JsonProperty(required = true) String modelVersion,
    @JsonProperty(required = true) int tileCount,
    @JsonProperty(required = true) Instant completedAt,
    Map<String, ObjectRef> products,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant acquiredAt,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) boolean remap)
    implements LczEvent {

  /** The payload version this code writes. */
  public static final int SCHEMA_VERSION = 4;

  public SceneMapCompleted {
    Require.id(sceneId, "sceneId");
    Require.present(map, "map");
    Require.present(preview, "preview");
    Require.present(stacItem, "stacItem");
    Require.present(modelVersion, "modelVersion");
    Require.atLeast(tileCount, 1, "tileCount");
    Require.present(completedAt, "completedAt");
    Map<String, ObjectRef> all = new LinkedHashMap<>();
    if (products == null) {
      all.put("map", map);
      all.put("preview", preview);
      all.put("stac-item", stacItem);
    } else {
      products.forEach(
          (name, ref) ->
              all.put(Require.present(name, "product name"), Require.present(ref, name)));
    }
    products = Collections.unmodifiableMap(all);
  }

  /**
   * A current event with {@code products}, acquired at {@code acquiredAt} (null: unknown), a re-map
   * or the scene's first map.
   */
  public SceneMapCompleted(
      String sceneId,
      ObjectRef map,
      ObjectRef preview,
      ObjectRef stacItem,
      String modelVersion,
      int tileCount,
      Instant completedAt,
      Map<String, ObjectRef> products,
      Instant acquiredAt,
      boolean remap) {
    this(
        SCHEMA_VERSION,
        sceneId,
        map,
        preview,
        stacItem,
        modelVersion,
        tileCount,
        completedAt,
        products,
        acquiredAt,
        remap);
  }

  /** A current event with {@code products}, acquired at {@code acquiredAt} (null: unknown). */
  public SceneMapCompleted(
      String sceneId,
      ObjectRef map,
      ObjectRef preview,
      ObjectRef stacItem,
      String modelVersion,
      int tileCount,
      Instant completedAt,
      Map<String, ObjectRef> products,
      Instant acquiredAt) {
    this(
        sceneId,
        map,
        preview,
        stacItem,
        modelVersion,
        tileCount,
        completedAt,
        products,
        acquiredAt,
        false);
  }

  /** A current event with {@code products}, whose acquisition time is unknown. */
  public SceneMapCompleted(
      String sceneId,
      ObjectRef map,
      ObjectRef preview,
      ObjectRef stacItem,
      String modelVersion,
      int tileCount,
      Instant completedAt,
      Map<String, ObjectRef> products) {
    this(sceneId, map, preview, stacItem, modelVersion, tileCount, completedAt, products, null);
  }

  /** A current event whose products are the map, the preview and the STAC Item. */
  public SceneMapCompleted(
      String sceneId,
      ObjectRef map,
      ObjectRef preview,
      ObjectRef stacItem,
      String modelVersion,
      int tileCount,
      Instant completedAt) {
    this(sceneId, map, preview, stacItem, modelVersion, tileCount, completedAt, null);
  }

  @Override
  public String key() {
    return sceneId;
  }
}
