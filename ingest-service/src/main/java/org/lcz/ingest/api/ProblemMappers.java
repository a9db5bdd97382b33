package org.lcz.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lcz.common.storage.ObjectStoreException;

/** Every error of the API leaves as a JSON problem body, never as an HTML page or empty body. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return e.problem().response();
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e) {
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "the body is not valid JSON for this request: " + e.getOriginalMessage())
        .response();
  }

  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e) {
    String field =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .reduce((a, b) -> a + "." + b)
            .orElse("the body");
    return Problem.of(
            Response.Status.BAD_REQUEST,
            field + " has the wrong type or form: " + e.getOriginalMessage())
        .response();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    Response r = e.getResponse();
    String title = r.getStatusInfo().getReasonPhrase();
    return Problem.of(r.getStatus(), title, e.getMessage()).response();
  }

  @ServerExceptionMapper
  public Response storeDown(ObjectStoreException e) {
    LOG.warnf("request failed on the object store: %s", e.getMessage());
    return Problem.of(
            Response.Status.SERVICE_UNAVAILABLE,
            "the object store could not complete the request (" + e.getMessage() + "); try again")
        .response();
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("request failed", e);
    return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, String.valueOf(e.getMessage()))
        .response();
  }
}
