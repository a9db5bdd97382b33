package org.lcz.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lcz.storage.ObjectStoreException;

/** Every error of the API leaves as a JSON problem body, never as an HTML page or empty body. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return e.problem().response();
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e) {
    // Quarkus's JSON reader rethrows an unknown field as a plain mapping error with this message
    Matcher unknown =
        Pattern.compile("^Unrecognized field \"([^\"]+)\"")
            .matcher(String.valueOf(e.getOriginalMessage()));
    if (unknown.find()) {
      return Problem.of(
              Response.Status.BAD_REQUEST,
              "unknown field '"
                  + unknown.group(1)
                  + "': see the request's fields in the OpenAPI document (/q/openapi)")
          .response();
    }
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "the body is not valid JSON for this request: " + e.getOriginalMessage())
        .response();
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e) {
    Collection<Object> known = e.getKnownPropertyIds();
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "unknown field '"
                + e.getPropertyName()
                + "'"
                + (known == null || known.isEmpty()
                    ? ""
                    : "; the fields are " + known.stream().map(String::valueOf).sorted().toList()))
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
    // the JSON reader wraps some of Jackson's errors: answer with what Jackson said
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof UnrecognizedPropertyException u) {
        return unknownField(u);
      } else if (c instanceof MismatchedInputException m) {
        return mismatchedJson(m);
      } else if (c instanceof JsonProcessingException j) {
        return malformedJson(j);
      }
    }
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
