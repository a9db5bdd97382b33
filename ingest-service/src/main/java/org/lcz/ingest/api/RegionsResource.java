package org.lcz.ingest.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lcz.events.LczEvent;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionDeleted;
import org.lcz.events.RegionMapUpdated;
import org.lcz.ingest.config.IngestConfig;
import org.lcz.ingest.regions.RegionChange;
import org.lcz.ingest.regions.RegionRequest;
import org.lcz.ingest.regions.RegionsView;
import org.lcz.messaging.EventPublisher;
import org.lcz.raster.RasterException;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;

/**
 * Regions: places whose LCZ map the platform keeps current from every scene map that meets them.
 * {@code POST /regions} defines one (RegionDefined on {@code lcz.regions}), {@code GET} lists them
 * and shows one (members, versions, coverage, the latest version's products), {@code DELETE} ends
 * one, {@code GET /regions/{name}/change?from=v1&to=v2} compares two versions.
 */
@Path("/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "regions")
@Blocking
public class RegionsResource {
  @Inject EventPublisher publisher;
  @Inject RegionsView regions;
  @Inject ObjectStore store;
  @Inject IngestConfig config;

  private final Clock clock = Clock.systemUTC();

  @GET
  @Operation(summary = "Every region, by name")
  public List<RegionsView.Region> all() {
    return regions.all();
  }

  @GET
  @Path("/{name}")
  @Operation(
      summary = "A region",
      description =
          "Its definition, its members (each scene's latest map that meets it), its versions with"
              + " their coverage, and the latest version's products and STAC Collection.")
  @APIResponse(responseCode = "404", description = "no such region")
  public RegionsView.Region one(@PathParam("name") String name) {
    return regions.get(name).orElseThrow(() -> notFound(name));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Define a region",
      description =
          "{\"name\": \"porto\", \"outline\": <GeoJSON Polygon/MultiPolygon in lon/lat, or [w, s,"
              + " e, n]>, \"from\": \"2025-01-01\", \"to\": \"2025-12-31\", \"crs\":"
              + " \"EPSG:32629\", \"models\": \"current\"}; only name and outline are required"
              + " (crs: the UTM zone of the outline's centroid; models: current or any). Every"
              + " scene map that meets the outline and period, made before or after, becomes a"
              + " member; each new member set makes the region's next map version. Defining a"
              + " region again starts its members anew (its versions go on counting).")
  @APIResponse(responseCode = "201", description = "the RegionDefined event that was sent")
  @APIResponse(responseCode = "400", description = "a field is missing or wrong")
  public Response define(RegionRequest request) {
    if (request == null) {
      throw new ProblemException(
          Problem.of(
              Response.Status.BAD_REQUEST,
              "give the region as JSON: {\"name\": \"porto\", \"outline\": {\"type\": \"Polygon\","
                  + " …}}"));
    }
    RegionDefined event;
    try {
      event = request.toEvent(clock.instant());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, e.getMessage()));
    }
    send(event);
    regions.record(event);
    return Response.created(URI.create("/regions/" + event.name())).entity(event).build();
  }

  @DELETE
  @Path("/{name}")
  @Operation(
      summary = "Delete a region",
      description = "No new versions are made; the versions made stay in lcz-maps.")
  @APIResponse(responseCode = "204", description = "deleted")
  @APIResponse(responseCode = "404", description = "no such region")
  public Response delete(@PathParam("name") String name) {
    regions.get(name).orElseThrow(() -> notFound(name));
    RegionDeleted event = new RegionDeleted(name, clock.instant());
    send(event);
    regions.record(event);
    return Response.noContent().build();
  }

  @GET
  @Path("/{name}/change")
  @Operation(
      summary = "LCZ change between two versions",
      description =
          "The 17 × 17 transition matrix in km² between versions from and to (v1 or 1) of the"
              + " region's lczFilter band (band=lcz for the raw classes), and its products:"
              + " change.tif (from, to), transitions.csv/.json/.png, change.png.")
  @APIResponse(responseCode = "400", description = "a version or the band is not given right")
  @APIResponse(responseCode = "404", description = "no such region or version")
  public RegionChange.Result change(
      @PathParam("name") String name,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("band") @DefaultValue("lczFilter") String band) {
    regions.get(name).orElseThrow(() -> notFound(name));
    if (!band.equals("lcz") && !band.equals("lczFilter")) {
      throw new ProblemException(
          Problem.of(Response.Status.BAD_REQUEST, "band is lcz or lczFilter, not " + band));
    }
    RegionMapUpdated a = version(name, from, "from");
    RegionMapUpdated b = version(name, to, "to");
    try {
      return new RegionChange(store, config.workDir().resolve("change")).between(a, b, band);
    } catch (RasterException | ObjectStoreException e) {
      throw new ProblemException(
          Problem.of(
              Response.Status.SERVICE_UNAVAILABLE, "cannot read the versions: " + e.getMessage()));
    }
  }

  private RegionMapUpdated version(String name, String v, String param) {
    if (v == null || !v.matches("v?\\d{1,6}")) {
      throw new ProblemException(
          Problem.of(
              Response.Status.BAD_REQUEST,
              "give " + param + " as a version of the region (v1 or 1), not " + v));
    }
    int n = Integer.parseInt(v.startsWith("v") ? v.substring(1) : v);
    return regions
        .version(name, n)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        Response.Status.NOT_FOUND, "region " + name + " has no version " + n)));
  }

  private void send(LczEvent event) {
    try {
      publisher.publishAndWait(event, Duration.ofSeconds(30));
    } catch (IllegalStateException e) {
      throw new ProblemException(
          Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              "the broker did not take the region (" + e.getMessage() + "); try again"));
    }
  }

  private static ProblemException notFound(String name) {
    return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no region " + name));
  }
}
