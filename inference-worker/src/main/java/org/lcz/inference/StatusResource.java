package org.lcz.inference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /status}: the model in use, the device and what the worker has done. */
@Path("/status")
public class StatusResource {
  private final InferenceWorker worker;

  public StatusResource(InferenceWorker worker) {
    this.worker = worker;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public WorkerStatus status() {
    return worker.status();
  }
}
