package org.lcz.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem body: what went wrong ({@code title}), for this request ({@code detail}),
 * what to do about it where the detail says so.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param sceneId the scene concerned, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String sceneId) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(Response.Status status, String detail) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null);
  }

  public Problem forScene(String id) {
    return new Problem(type, title, status, detail, id);
  }

  /** The response carrying this problem. */
  public Response response() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }
}
