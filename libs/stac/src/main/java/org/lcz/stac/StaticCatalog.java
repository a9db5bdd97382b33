package org.lcz.stac;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectNotFoundException;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.Sha256;

/**
 * The {@link StacCatalogue} as a static, self-contained STAC catalog in the maps bucket, for tools
 * that read a bucket rather than an API (STAC Browser on a static site, pystac, QGIS): {@value
 * #ROOT} (a Catalog) → {@code stac/<collection>/collection.json} → {@code
 * stac/<collection>/items/<id>.json}, every link relative and both ways (root, parent, child, item,
 * collection); the Items are the producers' Items with those links, their assets still at their
 * {@code s3://} addresses. Each object is written only when its content changed (its SHA-256
 * against the stored one), so a restart that replays every event rewrites nothing, and a
 * redelivered event writes the same bytes. A removed collection's objects are deleted.
 */
public final class StaticCatalog {
  /** The root catalog's key in the maps bucket. */
  public static final String ROOT = "catalog.json";

  /** The folder of the collections. */
  public static final String FOLDER = "stac/";

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ObjectStore store;
  private final Map<String, String> written = new HashMap<>();

  public StaticCatalog(ObjectStore store) {
    this.store = store;
  }

  /** The key of a collection's {@code collection.json}. */
  public static String collectionKey(String collection) {
    return FOLDER + collection + "/collection.json";
  }

  /** The key of an Item's copy. */
  public static String itemKey(String collection, String id) {
    return FOLDER + collection + "/items/" + id + ".json";
  }

  /**
   * Writes what changed: the given Items of each collection, the collections whose Items changed,
   * and the root; deletes the objects of {@code removed} collections.
   *
   * @param changed Item ids by collection (a collection with no ids: its description changed)
   */
  public void write(
      StacCatalogue catalogue, Map<String, Set<String>> changed, Set<String> removed) {
    for (String collection : removed) {
      for (ObjectInfo o : store.list(Buckets.MAPS, FOLDER + collection + "/")) {
        store.delete(Buckets.MAPS, o.ref().key());
        written.remove(o.ref().key());
      }
    }
    for (var e : changed.entrySet()) {
      String collection = e.getKey();
      if (catalogue.collection(collection).isEmpty()) {
        continue;
      }
      for (String id : e.getValue()) {
        catalogue.item(collection, id).ifPresent(item -> put(itemKey(collection, id), item(item)));
      }
      put(collectionKey(collection), collection(catalogue, collection));
    }
    put(ROOT, root(catalogue));
  }

  private static ObjectNode item(ObjectNode item) {
    ObjectNode copy = item.deepCopy();
    ArrayNode links = JSON.createArrayNode();
    link(links, "root", "../../../" + ROOT, "application/json");
    link(links, "parent", "../collection.json", "application/json");
    link(links, "collection", "../collection.json", "application/json");
    StacDocuments.otherLinks(item).forEach(links::add);
    copy.set("links", links);
    return copy;
  }

  private static ObjectNode collection(StacCatalogue catalogue, String id) {
    ObjectNode o = StacDocuments.collection(catalogue.collection(id).orElseThrow());
    ArrayNode links = (ArrayNode) o.get("links");
    link(links, "root", "../../" + ROOT, "application/json");
    link(links, "parent", "../../" + ROOT, "application/json");
    for (String itemId : catalogue.itemIds(id)) {
      link(links, "item", "./items/" + itemId + ".json", "application/geo+json");
    }
    return o;
  }

  private static ObjectNode root(StacCatalogue catalogue) {
    ObjectNode c = StacDocuments.root();
    ArrayNode links = (ArrayNode) c.get("links");
    link(links, "root", "./" + ROOT, "application/json");
    for (StacCatalogue.Collection col : catalogue.collections()) {
      link(links, "child", "./" + collectionKey(col.id()), "application/json")
          .put("title", col.title());
    }
    return c;
  }

  private static ObjectNode link(ArrayNode links, String rel, String href, String type) {
    return StacDocuments.link(links, rel, href, type);
  }

  /** Stores {@code json} at {@code key} unless the stored object already holds these bytes. */
  private void put(String key, ObjectNode json) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String sha = Sha256.of(bytes);
    if (sha.equals(written.get(key))) {
      return;
    }
    if (!written.containsKey(key)) {
      try {
        if (sha.equals(store.stat(Buckets.MAPS, key).ref().sha256())) {
          written.put(key, sha);
          return;
        }
      } catch (ObjectNotFoundException e) {
        // not written yet
      }
    }
    store.put(Buckets.MAPS, key, bytes, "application/json");
    written.put(key, sha);
  }
}
