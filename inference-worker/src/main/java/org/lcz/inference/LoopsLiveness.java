package org.lcz.inference;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.lcz.inference.config.InferenceConfig;

/**
 * {@code /q/health/live}: DOWN when the tile loop or the assembly loop died or has not gone round
 * for {@code lcz.inference.stuck-after}, so that Kubernetes restarts a worker whose tiles would
 * otherwise wait.
 */
@ApplicationScoped
@Liveness
public class LoopsLiveness implements HealthCheck {
  /** The check's name. */
  public static final String NAME = "inference-loops";

  private final InferenceWorker worker;
  private final InferenceConfig config;

  public LoopsLiveness(InferenceWorker worker, InferenceConfig config) {
    this.worker = worker;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    Map<String, Boolean> loops = worker.loopsAlive(config.stuckAfter());
    HealthCheckResponseBuilder r = HealthCheckResponse.named(NAME);
    loops.forEach((name, alive) -> r.withData(name, alive ? "running" : "stuck or stopped"));
    return r.status(loops.values().stream().allMatch(Boolean::booleanValue)).build();
  }
}
