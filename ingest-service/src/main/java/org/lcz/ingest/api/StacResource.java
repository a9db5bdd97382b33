package org.lcz.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lcz.stac.StacCatalogue;
import org.lcz.stac.StacDocuments;
import org.lcz.stac.StacQuery;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectNotFoundException;
import org.lcz.storage.ObjectStore;

/**
 * The platform's maps and models as a STAC API (1.0.0: core, collections, OGC API Features, item
 * search), read-only and open like the other reads: {@code /stac} (landing page), {@code
 * /stac/conformance}, {@code /stac/collections}, {@code /stac/collections/{id}}, {@code
 * /stac/collections/{id}/items} (paged by {@code next} links), {@code
 * /stac/collections/{id}/items/{itemId}}, {@code /stac/search} by GET and POST. Items are served as
 * their producers stored them, with links made to this API and each asset's {@code href} made an
 * address of this service ({@code /stac/files/…}); the object's {@code s3://} address stays as the
 * asset's {@code alternate.s3} (STAC's alternate-assets extension).
 */
@Path("/stac")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stac")
@Blocking
public class StacResource {
  static final String GEOJSON = "application/geo+json";
  static final List<String> CONFORMANCE =
      List.of(
          "https://api.stacspec.org/v1.0.0/core",
          "https://api.stacspec.org/v1.0.0/collections",
          "https://api.stacspec.org/v1.0.0/ogcapi-features",
          "https://api.stacspec.org/v1.0.0/item-search",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
  static final String ALTERNATE =
      "https://stac-extensions.github.io/alternate-assets/v1.2.0/schema.json";

  /** The buckets whose objects {@code /stac/files} serves: products, never inputs. */
  static final List<String> SERVED = List.of(Buckets.MAPS, Buckets.MODELS);

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @Inject StacCatalogue catalogue;
  @Inject ObjectStore store;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The STAC API's landing page (a Catalog linking every collection)")
  public Response landing() {
    ObjectNode c = StacDocuments.root();
    conformsTo(c);
    ArrayNode links = (ArrayNode) c.get("links");
    link(links, "self", url("stac"), "application/json");
    link(links, "root", url("stac"), "application/json");
    link(links, "conformance", url("stac/conformance"), "application/json");
    link(links, "data", url("stac/collections"), "application/json");
    link(links, "search", url("stac/search"), GEOJSON).put("method", "GET");
    link(links, "search", url("stac/search"), GEOJSON).put("method", "POST");
    link(links, "service-desc", url("q/openapi"), "application/vnd.oai.openapi");
    for (StacCatalogue.Collection col : catalogue.collections()) {
      link(links, "child", url("stac/collections/" + col.id()), "application/json")
          .put("title", col.title());
    }
    return json(c, MediaType.APPLICATION_JSON);
  }

  @GET
  @Path("/conformance")
  @Operation(summary = "The conformance classes this API implements")
  public Response conformance() {
    ObjectNode c = JSON.createObjectNode();
    conformsTo(c);
    return json(c, MediaType.APPLICATION_JSON);
  }

  @GET
  @Path("/collections")
  @Operation(summary = "Every collection: scene maps, models, one per region")
  public Response collections() {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode cs = out.putArray("collections");
    catalogue.collections().forEach(c -> cs.add(collection(c)));
    ArrayNode links = out.putArray("links");
    link(links, "self", url("stac/collections"), "application/json");
    link(links, "root", url("stac"), "application/json");
    return json(out, MediaType.APPLICATION_JSON);
  }

  @GET
  @Path("/collections/{id}")
  @Operation(summary = "One collection, with its extent")
  public Response collection(@PathParam("id") String id) {
    return json(collection(known(id)), MediaType.APPLICATION_JSON);
  }

  private StacCatalogue.Collection known(String id) {
    return catalogue
        .collection(id)
        .orElseThrow(() -> notFound("no collection " + id + " (see /stac/collections)"));
  }

  @GET
  @Path("/collections/{id}/items")
  @Produces({GEOJSON, MediaType.APPLICATION_JSON})
  @Operation(summary = "A collection's Items, newest data first, paged by next links")
  public Response items(
      @PathParam("id") String id,
      @QueryParam("bbox") String bbox,
      @QueryParam("datetime") String datetime,
      @QueryParam("limit") String limit,
      @QueryParam("token") String token) {
    known(id);
    StacQuery q = query(() -> StacQuery.ofGet(bbox, null, datetime, null, null, limit, token));
    return features(catalogue.search(q.in(id)), q, "stac/collections/" + id + "/items", false);
  }

  @GET
  @Path("/collections/{id}/items/{itemId}")
  @Produces({GEOJSON, MediaType.APPLICATION_JSON})
  @Operation(summary = "One Item")
  public Response item(@PathParam("id") String id, @PathParam("itemId") String itemId) {
    ObjectNode item =
        catalogue
            .item(id, itemId)
            .orElseThrow(() -> notFound("collection " + id + " has no Item " + itemId));
    return json(served(item), GEOJSON);
  }

  @GET
  @Path("/search")
  @Produces({GEOJSON, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Items of every collection by bbox or intersects, datetime, collections, ids")
  public Response search(
      @QueryParam("bbox") String bbox,
      @QueryParam("intersects") String intersects,
      @QueryParam("datetime") String datetime,
      @QueryParam("collections") String collections,
      @QueryParam("ids") String ids,
      @QueryParam("limit") String limit,
      @QueryParam("token") String token) {
    StacQuery q =
        query(() -> StacQuery.ofGet(bbox, intersects, datetime, collections, ids, limit, token));
    return features(catalogue.search(q), q, "stac/search", false);
  }

  @POST
  @Path("/search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({GEOJSON, MediaType.APPLICATION_JSON})
  @Operation(summary = "The same search with a JSON body (STAC API item search)")
  public Response searchPost(JsonNode body) {
    StacQuery q = query(() -> StacQuery.ofPost(body));
    return features(catalogue.search(q), q, "stac/search", true);
  }

  @GET
  @Path("/files/{bucket}/{key: .+}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "An asset of an Item: a map product or a model file",
      description =
          "Honours one HTTP byte range (Range: bytes=a-b, a-, -n), so GDAL's /vsicurl/ and"
              + " COG readers fetch only what they read.")
  public Response file(
      @PathParam("bucket") String bucket,
      @PathParam("key") String key,
      @HeaderParam("Range") String range) {
    if (!SERVED.contains(bucket) || key.contains("..") || key.startsWith("/")) {
      throw notFound("no asset " + bucket + "/" + key);
    }
    ObjectInfo info;
    try {
      info = store.stat(bucket, key);
    } catch (ObjectNotFoundException e) {
      throw notFound("no asset " + bucket + "/" + key);
    }
    return StoredFiles.ranged(store, info, range);
  }

  private static StacQuery query(Supplier<StacQuery> p) {
    try {
      return p.get();
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, e.getMessage()));
    }
  }

  private Response features(StacCatalogue.Page page, StacQuery q, String path, boolean post) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    page.items().forEach(i -> features.add(served(i)));
    fc.put("numberMatched", page.matched());
    fc.put("numberReturned", page.items().size());
    ArrayNode links = fc.putArray("links");
    link(links, "root", url("stac"), "application/json");
    if (page.next() >= 0) {
      if (post) {
        ObjectNode next = link(links, "next", url(path), GEOJSON);
        next.put("method", "POST");
        ObjectNode body = q.body().deepCopy();
        body.put("token", Integer.toString(page.next()));
        next.set("body", body);
        next.put("merge", false);
      } else {
        UriBuilder b = uri.getRequestUriBuilder().replaceQueryParam("token", page.next());
        link(links, "next", b.build().toString(), GEOJSON);
      }
    }
    if (q.offset() > 0 && !post) {
      int prev = Math.max(0, q.offset() - q.limit());
      link(
          links,
          "prev",
          uri.getRequestUriBuilder().replaceQueryParam("token", prev).build().toString(),
          GEOJSON);
    }
    return json(fc, GEOJSON);
  }

  /** An Item as served: links to this API, asset hrefs to this service, s3:// as alternate. */
  private ObjectNode served(ObjectNode item) {
    String collection = item.path("collection").asText();
    String id = item.path("id").asText();
    ArrayNode links = JSON.createArrayNode();
    link(links, "self", url("stac/collections/" + collection + "/items/" + id), GEOJSON);
    link(links, "parent", url("stac/collections/" + collection), "application/json");
    link(links, "collection", url("stac/collections/" + collection), "application/json");
    link(links, "root", url("stac"), "application/json");
    for (ObjectNode l : StacDocuments.otherLinks(item)) {
      links.add(l.put("href", http(l.path("href").asText())));
    }
    item.set("links", links);
    boolean alternates = false;
    for (Map.Entry<String, JsonNode> a : iterable(item.path("assets"))) {
      ObjectNode asset = (ObjectNode) a.getValue();
      String href = asset.path("href").asText();
      String served = http(href);
      if (!served.equals(href)) {
        asset.put("href", served);
        asset.putObject("alternate").putObject("s3").put("href", href).put("title", "S3");
        alternates = true;
      }
    }
    if (alternates) {
      ArrayNode ext =
          item.path("stac_extensions").isArray()
              ? (ArrayNode) item.get("stac_extensions")
              : item.putArray("stac_extensions");
      boolean has = false;
      for (JsonNode e : ext) {
        has |= e.asText().equals(ALTERNATE);
      }
      if (!has) {
        ext.add(ALTERNATE);
      }
    }
    return item;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  /** {@code s3://bucket/key} of a served bucket as this service's address; others unchanged. */
  private String http(String href) {
    if (!href.startsWith("s3://")) {
      return href;
    }
    String rest = href.substring(5);
    int slash = rest.indexOf('/');
    if (slash <= 0 || !SERVED.contains(rest.substring(0, slash))) {
      return href;
    }
    return url("stac/files/" + rest);
  }

  private ObjectNode collection(StacCatalogue.Collection c) {
    ObjectNode o = StacDocuments.collection(c);
    ArrayNode links = (ArrayNode) o.get("links");
    link(links, "self", url("stac/collections/" + c.id()), "application/json");
    link(links, "parent", url("stac"), "application/json");
    link(links, "root", url("stac"), "application/json");
    link(links, "items", url("stac/collections/" + c.id() + "/items"), GEOJSON);
    return o;
  }

  private static void conformsTo(ObjectNode o) {
    ArrayNode a = o.putArray("conformsTo");
    CONFORMANCE.forEach(a::add);
  }

  private static ObjectNode link(ArrayNode links, String rel, String href, String type) {
    return StacDocuments.link(links, rel, href, type);
  }

  private String url(String path) {
    return uri.getBaseUriBuilder().path(path).build().toString();
  }

  /** JSON written here, as the media type says (Jackson nodes are not beans to the writer). */
  private static Response json(ObjectNode body, String type) {
    try {
      return Response.ok(JSON.writeValueAsString(body)).type(type).build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(Response.Status.NOT_FOUND, detail));
  }
}
