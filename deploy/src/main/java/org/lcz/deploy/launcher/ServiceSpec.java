package org.lcz.deploy.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the platform's services as the launcher starts it.
 *
 * @param name the module name, e.g. {@code ingest-service}
 * @param port its HTTP port
 */
public record ServiceSpec(String name, int port) {
  /** The three services with their default ports. */
  public static final List<ServiceSpec> PLATFORM =
      List.of(
          new ServiceSpec("ingest-service", 8081),
          new ServiceSpec("training-worker", 8082),
          new ServiceSpec("inference-worker", 8083));

  /** The Quarkus fast-jar of this service under the repository root {@code home}. */
  public Path runner(Path home) {
    return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
  }
}
