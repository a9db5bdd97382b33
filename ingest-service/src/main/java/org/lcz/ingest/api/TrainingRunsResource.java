package org.lcz.ingest.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lcz.events.TrainingRequested;
import org.lcz.ingest.status.TrainingRuns;
import org.lcz.messaging.EventPublisher;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;

/** Training runs: {@code POST /training-runs} emits TrainingRequested for the training worker. */
@Path("/training-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "training")
@Blocking
public class TrainingRunsResource {
  @Inject ObjectStore store;
  @Inject EventPublisher publisher;
  @Inject TrainingRuns runs;

  /** The largest training request body: it names objects, it does not carry them. */
  static final long MAX_BODY_BYTES = 256 * 1024;

  private final Clock clock = Clock.systemUTC();

  @GET
  @Operation(
      summary = "Training runs, the most recently changed first",
      description =
          "Each run's state (preparing, queued, training, failed, published), its epochs so far"
              + " (loss, train and validation OA) and its model, as the training events tell them.")
  public List<TrainingRuns.Run> runs() {
    return runs.runs();
  }

  @GET
  @Path("/{runId}")
  @Operation(summary = "A training run")
  @APIResponse(responseCode = "200", description = "the run")
  @APIResponse(responseCode = "404", description = "no such run")
  public TrainingRuns.Run run(@PathParam("runId") String runId) {
    return runs.run(runId)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(Response.Status.NOT_FOUND, "no training run " + runId)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Request a training run",
      description =
          "Checks the request (variant, data sets -- or training areas and their scenes -- present"
              + " in the object store, hyper-parameters in range) and emits TrainingRequested on"
              + " lcz.training.requests. With training areas, ingest builds the data sets (QC,"
              + " patches, splits by area) under lcz-datasets/areas/{runId}/ and sends the request"
              + " on; areas that cannot train end as TrainingFailed naming them. Follow the run on"
              + " lcz.training.progress and lcz.models.")
  @APIResponse(responseCode = "202", description = "the TrainingRequested event that was sent")
  @APIResponse(responseCode = "400", description = "a field is missing or out of range")
  @APIResponse(responseCode = "413", description = "a body over 256 KiB")
  @APIResponse(
      responseCode = "422",
      description = "a data set, the training areas or a scene does not exist")
  public Response request(@HeaderParam("Content-Length") Long length, TrainingRunRequest request) {
    if (length != null && length > MAX_BODY_BYTES) {
      throw new ProblemException(
          Problem.of(
              413,
              "Content Too Large",
              "a training request is at most "
                  + MAX_BODY_BYTES
                  + " bytes of JSON, not "
                  + length
                  + "; it names data sets, it does not carry them"));
    }
    if (request == null) {
      throw new ProblemException(
          Problem.of(
              Response.Status.BAD_REQUEST,
              "give the run as JSON, at least trainData or trainingAreas"));
    }
    TrainingRequested event;
    try {
      event = request.toEvent(clock.instant());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, e.getMessage()));
    }
    for (var ref : request.dataSets(event)) {
      boolean exists;
      try {
        exists = store.exists(ref.bucket(), ref.key());
      } catch (ObjectStoreException e) {
        throw new ProblemException(
            Problem.of(
                422, "Unprocessable Request", "cannot read " + ref.uri() + ": " + e.getMessage()));
      }
      if (!exists) {
        throw new ProblemException(
            Problem.of(
                422,
                "Unprocessable Request",
                (event.trainingAreas() == null ? "no data set at " : "no object at ") + ref.uri()));
      }
    }
    try {
      publisher.publishAndWait(event, Duration.ofSeconds(30));
    } catch (IllegalStateException e) {
      throw new ProblemException(
          Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              "the broker did not take the request (" + e.getMessage() + "); try again"));
    }
    return Response.accepted(event).build();
  }
}
