package org.lcz.deploy.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instance of the platform's services as the launcher starts it.
 *
 * @param name the instance's name, e.g. {@code ingest-service} or {@code inference-worker-2}: its
 *     log is {@code logs/{name}.log}, its work folder {@code work/{name}}
 * @param module the Maven module whose Quarkus app it runs, e.g. {@code inference-worker}
 * @param port its HTTP port
 * @param workDirProperty the configuration key of its work folder (each instance gets its own)
 */
public record ServiceSpec(
    String name, String module, int port, Map<String, String> environment, String workDirProperty) {
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

  /** The most inference workers {@code ./lcz up} runs on one machine. */
  public static final int MAX_INFERENCE_WORKERS = 16;

  /**
   * The three services on ports {@code firstPort}, {@code firstPort + 1}, {@code firstPort + 2}.
   */
  public static List<ServiceSpec> platform(int firstPort) {
    return platform(firstPort, 1);
  }

  /**
   * The ingest service, the training worker and {@code inferenceWorkers} inference workers, on
   * ports from {@code firstPort} on in that order ({@code inference-worker}, {@code
   * inference-worker-2}, …).
   */
  public static List<ServiceSpec> platform(int firstPort, int inferenceWorkers) {
    if (inferenceWorkers < 1 || inferenceWorkers > MAX_INFERENCE_WORKERS) {
      throw new IllegalArgumentException(
          "--inference-workers takes 1 to " + MAX_INFERENCE_WORKERS + ", not " + inferenceWorkers);
    }
    List<ServiceSpec> all = new ArrayList<>();
    all.add(
        new ServiceSpec(
            "ingest-service", "ingest-service", firstPort, Map.of(), "lcz.ingest.work-dir"));
    all.add(
        new ServiceSpec(
            "training-worker",
            "training-worker",
            firstPort + 1,
            TRAINING_MALLOC,
            "lcz.training.work-dir"));
    for (int i = 1; i <= inferenceWorkers; i++) {
      all.add(
          new ServiceSpec(
              i == 1 ? "inference-worker" : "inference-worker-" + i,
              "inference-worker",
              firstPort + 1 + i,
              Map.of(),
              "lcz.inference.work-dir"));
    }
    return List.copyOf(all);
  }

  public ServiceSpec {
    environment = Map.copyOf(environment);
  }

  /** The Quarkus fast-jar of this service under the repository root {@code home}. */
  public Path runner(Path home) {
    return home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
  }
}
