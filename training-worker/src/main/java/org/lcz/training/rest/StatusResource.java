package org.lcz.training.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.health.Liveness;
import org.lcz.training.kernels.KernelReport;
import org.lcz.training.kernels.KernelSelfCheck;
import org.lcz.training.train.TorchThreads;
import org.lcz.training.train.TrainingRun;
import org.lcz.training.worker.TrainingRequestConsumer;

/**
 * {@code GET /status}: the device, the run in progress and what the CPU kernels' self-check found
 * (which convolutions, if any, are computed in another form on this machine).
 */
@Path("/status")
public class StatusResource {
  private final TrainingRequestConsumer consumer;

  public StatusResource(@Liveness TrainingRequestConsumer consumer) {
    this.consumer = consumer;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public TrainingStatus status() {
    KernelReport kernels = KernelSelfCheck.latest().orElse(null);
    return new TrainingStatus(
        TrainingRun.device().toString(),
        TorchThreads.threads(),
        consumer.currentRun(),
        kernels,
        kernels == null
            ? "the kernel self-check runs before the first training run"
            : kernels.summary());
  }
}
