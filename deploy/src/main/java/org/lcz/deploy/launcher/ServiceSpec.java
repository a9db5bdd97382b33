package org.lcz.deploy.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One of the platform's services as the launcher starts it.
 *
 * @param name the module name, e.g. {@code ingest-service}
 * @param port its HTTP port
 */
public record ServiceSpec(String name, int port, Map<String, String> environment) {
  /**
   * glibc allocator settings for the training worker: PyTorch allocates and frees tens of MB of
   * activations per step; keeping freed memory (no mmap, no trim, 512 MB top pad) avoids the page
   * faults of fresh memory every step. Measured: MSMLA-18 training 123–133 → 138–142 patches/s at
   * batch 32, first epoch 105 → 130 (docs/benchmarks.md).
   */
  public static final Map<String, String> TRAINING_MALLOC =
      Map.of(
          "MALLOC_MMAP_MAX_", "0",
          "MALLOC_TRIM_THRESHOLD_", "-1",
          "MALLOC_TOP_PAD_", "536870912");

  /** The first of the services' three HTTP ports unless {@code --http-port} says otherwise. */
  public static final int DEFAULT_FIRST_PORT = 8081;

  /** The three services with their default ports. */
  public static final List<ServiceSpec> PLATFORM = platform(DEFAULT_FIRST_PORT);

  /**
   * The three services on ports {@code firstPort}, {@code firstPort + 1}, {@code firstPort + 2}.
   */
  public static List<ServiceSpec> platform(int firstPort) {
    return List.of(
        new ServiceSpec("ingest-service", firstPort, Map.of()),
        new ServiceSpec("training-worker", firstPort + 1, TRAINING_MALLOC),
        new ServiceSpec("inference-worker", firstPort + 2, Map.of()));
  }

  public ServiceSpec {
    environment = Map.copyOf(environment);
  }

  /** The Quarkus fast-jar of this service under the repository root {@code home}. */
  public Path runner(Path home) {
    return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
  }
}
