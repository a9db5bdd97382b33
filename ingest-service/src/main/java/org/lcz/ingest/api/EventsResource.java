package org.lcz.ingest.api;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.lcz.ingest.live.LiveEvent;
import org.lcz.ingest.live.LiveEvents;

/** The platform's events as Server-Sent Events, for the web page. */
@Path("/events")
@Tag(name = "events")
public class EventsResource {
  @Inject LiveEvents live;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "What changes, as it happens (Server-Sent Events)",
      description =
          "One JSON message per change: {kind: scene|training|model|heartbeat, id, type, at}."
              + " Read the new state from the REST API; a heartbeat comes every 15 s.")
  public Multi<LiveEvent> events() {
    return live.stream();
  }
}
