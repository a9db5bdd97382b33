package org.lcz.deploy.launcher;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.lcz.deploy.stack.StackSettings;

/**
 * The parsed command line of {@code ./lcz}.
 *
 * @param command the subcommand, e.g. {@code up}
 * @param home the repository root (where the services' jars are built)
 * @param dataDir the local stack's data folder
 * @param kafkaPort Kafka's client port
 * @param controllerPort Kafka's controller port
 * @param s3Port the S3 server's port
 * @param httpPort the first of the services' three HTTP ports
 * @param services whether to start the three services too
 * @param inferenceWorkers how many inference workers {@code up} starts
 * @param serviceProperties configuration every service gets as {@code -Dkey=value} (e.g. a band
 *     specification); empty from the command line
 * @param s3Process whether the S3 server runs in a process of its own (which drills stop)
 */
public record LaunchOptions(
    String command,
    Path home,
    Path dataDir,
    int kafkaPort,
    int controllerPort,
    int s3Port,
    int httpPort,
    boolean services,
    int inferenceWorkers,
    Map<String, String> serviceProperties,
    boolean s3Process) {

  public LaunchOptions {
    serviceProperties = Map.copyOf(serviceProperties);
  }

  /**
   * The options of {@code up} and {@code stack}, the launcher's two commands. The list of every
   * command lives in one place, the {@code lcz} script (each command's arm with its help), which
   * prints this text after it for {@code ./lcz help}.
   */
  public static final String USAGE =
      String.join(
          "\n",
          "options of up and stack:",
          "  --data DIR           data folder (default ./.lcz-data): buckets in s3/, Kafka in kafka/,",
          "                       service logs in logs/",
          "  --kafka-port N       Kafka client port (default 9092)",
          "  --controller-port N  Kafka controller port (default 9093)",
          "  --s3-port N          S3 port (default 9000)",
          "  --http-port N        HTTP ports of the ingest service, training and inference workers:",
          "                       N, N+1, N+2 (default 8081); more inference workers N+3, ...",
          "  --inference-workers N  inference workers to run (default 1, at most 16), each with",
          "                       its own port, log and work folder",
          "  --s3-process         run the S3 server in a process of its own (log logs/s3.log), so",
          "                       that it can fail alone, as the drills make it",
          "",
          "environment: LCZ_S3_ACCESS_KEY, LCZ_S3_SECRET_KEY (local defaults when unset)");

  /**
   * Parses {@code args}; {@code home} is the repository root.
   *
   * @throws IllegalArgumentException with a message for the person at the terminal
   */
  public static LaunchOptions parse(List<String> args, Path home) {
    Deque<String> rest = new ArrayDeque<>(args);
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("no command given");
    }
    String command = rest.removeFirst();
    if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
      return new LaunchOptions(
          "help", home, home.resolve(".lcz-data"), 0, 0, 0, 0, false, 1, Map.of(), false);
    }
    if (!command.equals("up") && !command.equals("stack")) {
      throw new IllegalArgumentException("unknown command '" + command + "'");
    }
    Path data = home.resolve(".lcz-data");
    int kafka = StackSettings.DEFAULT_KAFKA_PORT;
    int controller = StackSettings.DEFAULT_CONTROLLER_PORT;
    int s3 = StackSettings.DEFAULT_S3_PORT;
    int http = ServiceSpec.DEFAULT_FIRST_PORT;
    int inferenceWorkers = 1;
    boolean s3Process = false;
    while (!rest.isEmpty()) {
      String option = rest.removeFirst();
      switch (option) {
        case "--data" -> data = Path.of(value(option, rest));
        case "--kafka-port" -> kafka = port(option, value(option, rest));
        case "--controller-port" -> controller = port(option, value(option, rest));
        case "--s3-port" -> s3 = port(option, value(option, rest));
        case "--http-port" -> http = port(option, value(option, rest));
        case "--inference-workers" -> inferenceWorkers = count(option, value(option, rest));
        case "--s3-process" -> s3Process = true;
        default -> throw new IllegalArgumentException("unknown option '" + option + "'");
      }
    }
    ServiceSpec.platform(http, inferenceWorkers); // checks the count
    return new LaunchOptions(
        command,
        home,
        data,
        kafka,
        controller,
        s3,
        http,
        command.equals("up"),
        inferenceWorkers,
        Map.of(),
        s3Process);
  }

  /** These options with {@code properties} given to every service. */
  public LaunchOptions withServiceProperties(Map<String, String> properties) {
    return new LaunchOptions(
        command,
        home,
        dataDir,
        kafkaPort,
        controllerPort,
        s3Port,
        httpPort,
        services,
        inferenceWorkers,
        properties,
        s3Process);
  }

  /** These options with {@code n} inference workers. */
  public LaunchOptions withInferenceWorkers(int n) {
    ServiceSpec.platform(httpPort, n); // checks the count
    return new LaunchOptions(
        command,
        home,
        dataDir,
        kafkaPort,
        controllerPort,
        s3Port,
        httpPort,
        services,
        n,
        serviceProperties,
        s3Process);
  }

  /** These options with the S3 server in a process of its own, or not. */
  public LaunchOptions withS3Process(boolean ownProcess) {
    return new LaunchOptions(
        command,
        home,
        dataDir,
        kafkaPort,
        controllerPort,
        s3Port,
        httpPort,
        services,
        inferenceWorkers,
        serviceProperties,
        ownProcess);
  }

  /**
   * The services to start: none for {@code stack}, the three on this HTTP port range for {@code
   * up}.
   */
  public List<ServiceSpec> serviceSpecs() {
    return services ? ServiceSpec.platform(httpPort, inferenceWorkers) : List.of();
  }

  private static int count(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
    }
  }

  private static String value(String option, Deque<String> rest) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return rest.removeFirst();
  }

  private static int port(String option, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " takes a port number 1-65535, not '" + value + "'");
    }
  }
}
