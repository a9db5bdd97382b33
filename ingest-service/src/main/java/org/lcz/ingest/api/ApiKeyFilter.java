package org.lcz.ingest.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.lcz.ingest.config.IngestConfig;

/**
 * Asks every REST request for an API key when {@code lcz.ingest.api-keys} is set ({@link ApiKeys}):
 * 401 with a problem body and {@code WWW-Authenticate: Bearer} when none or a wrong one is given.
 * The web page's files and the health and metrics endpoints are not REST resources and stay open; a
 * STAC search by {@code POST /stac/search} is a read, like {@code GET}.
 */
@ApplicationScoped
public class ApiKeyFilter {
  private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

  private final ApiKeys keys;

  @Inject
  public ApiKeyFilter(IngestConfig config) {
    this.keys = new ApiKeys(config.apiKeys().orElse(List.of()), config.apiReadsOpen());
  }

  void onStart(@Observes StartupEvent event) {
    if (!keys.enabled()) {
      LOG.warn(
          "the REST API is open to anyone who can reach it: set lcz.ingest.api-keys"
              + " (LCZ_INGEST_API_KEYS) to require a key for writes");
    }
  }

  @ServerRequestFilter
  public Response check(ContainerRequestContext request) {
    String method = request.getMethod();
    if ("POST".equals(method) && isStacSearch(request.getUriInfo().getPath())) {
      method = "GET"; // a STAC search by POST is a read (its body is the query)
    }
    if (!keys.required(method)) {
      return null;
    }
    var key =
        ApiKeys.presented(
            request.getHeaderString("Authorization"), request.getHeaderString("X-API-Key"));
    if (key.isPresent() && keys.accepts(key.get())) {
      return null;
    }
    Response problem =
        Problem.of(
                401,
                "Unauthorized",
                key.isEmpty()
                    ? "this request needs the API key: send Authorization: Bearer <key> (./lcz up"
                        + " prints it; the web page asks for it)"
                    : "the API key is not valid")
            .response();
    return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
  }

  static boolean isStacSearch(String path) {
    return path != null && path.replaceAll("/+$", "").endsWith("stac/search");
  }
}
