package org.lcz.ingest.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lcz.events.ModelPublished;
import org.lcz.ingest.status.TrainingRuns;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** Published models: which is current, each one's card and the files beside it (plots…). */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "training")
@Blocking
public class ModelsResource {
  @Inject TrainingRuns runs;
  @Inject ObjectStore store;

  @GET
  @Operation(
      summary = "Published model versions, the newest first",
      description =
          "Each version with its promotion decision, its OA_w and whether it is the current model"
              + " (the latest promoted version of its name), as lcz.models tells them.")
  public List<TrainingRuns.Model> models() {
    return runs.models();
  }

  @GET
  @Path("/{version}/files/{file}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "A file of a model version",
      description =
          "model.json (the card), factsheet.json, the plots (training-curves.png,"
              + " confusion-matrix.png, accuracy-by-area.png) or model.onnx, from the version's"
              + " folder in the object store.")
  @APIResponse(responseCode = "200", description = "the file")
  @APIResponse(responseCode = "404", description = "no such version or file")
  public Response file(@PathParam("version") String version, @PathParam("file") String file) {
    ModelPublished model =
        runs.model(version)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(Response.Status.NOT_FOUND, "no model version " + version)));
    if (!file.matches("[A-Za-z0-9._-]+") || file.startsWith(".")) {
      throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no file " + file));
    }
    String key = model.card().key();
    ObjectRef ref =
        ObjectRef.of(model.card().bucket(), key.substring(0, key.lastIndexOf('/') + 1) + file);
    if (!store.exists(ref.bucket(), ref.key())) {
      throw new ProblemException(
          Problem.of(
              Response.Status.NOT_FOUND, "model version " + version + " has no file " + file));
    }
    return StoredFiles.ok(store, ref).build();
  }
}
