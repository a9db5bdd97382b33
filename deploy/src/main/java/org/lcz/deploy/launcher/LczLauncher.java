package org.lcz.deploy.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.stack.StackSettings;
import org.lcz.storage.Buckets;
import org.lcz.storage.S3Settings;

/**
 * {@code ./lcz}: starts the local stack, then the three services against it, prints where
 * everything listens, and stops all of it on Ctrl-C or SIGTERM.
 */
public final class LczLauncher {
  /** How long a service may take to become ready. */
  static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(3);

  /** Sub-folder of the data folder where service logs go. */
  static final String LOG_DIR = "logs";

  /** Each service instance's work folder is {@code work/{name}} in the data folder. */
  static final String WORK_DIR = "work";

  private final LaunchOptions options;
  private final PrintStream out;
  private final List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());
  private final RestartPolicy restarts;
  private final LivenessWatch liveness = new LivenessWatch(LivenessWatch.STANDARD_GRACE);
  private Instant lastProbe;
  private final Map<String, Instant> pendingRestarts = new HashMap<>();
  private volatile LocalStack stack;
  private volatile String apiKey;

  /** A launcher of what {@code options} name, printing where everything listens on {@code out}. */
  public LczLauncher(LaunchOptions options, PrintStream out) {
    this(options, out, RestartPolicy.standard());
  }

  /** With {@code restarts} deciding when a crashed service is started again. */
  public LczLauncher(LaunchOptions options, PrintStream out, RestartPolicy restarts) {
    this.options = options;
    this.out = out;
    this.restarts = restarts;
  }

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("lcz.home", ".")).toAbsolutePath().normalize();
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(List.of(args), home);
    } catch (IllegalArgumentException e) {
      System.err.println("lcz: " + e.getMessage());
      System.err.println(LaunchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.command().equals("help")) {
      System.out.println(LaunchOptions.USAGE);
      return;
    }
    LczLauncher launcher = new LczLauncher(options, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  launcher.stop();
                  stopped.countDown();
                },
                "lcz-shutdown"));
    try {
      launcher.start();
      launcher.watch();
    } catch (RuntimeException e) {
      System.err.println("lcz: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Starts the stack and (for {@code up}) the services; returns when all are ready.
   *
   * @throws IllegalStateException saying what did not start and where its log is
   */
  public void start() {
    List<ServiceSpec> toStart = options.serviceSpecs();
    for (ServiceSpec spec : toStart) {
      if (!Files.isRegularFile(spec.runner(options.home()))) {
        throw new IllegalStateException(
            spec.name()
                + " is not built ("
                + spec.runner(options.home())
                + " is missing): run ./mvnw -DskipTests package");
      }
    }
    StackSettings settings =
        StackSettings.defaults(options.dataDir())
            .withPorts(options.kafkaPort(), options.controllerPort(), options.s3Port());
    try {
      stack = LocalStack.start(settings, options.s3Process());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot start the local stack (is another one running on ports "
              + options.kafkaPort()
              + "/"
              + options.s3Port()
              + "?): "
              + e.getMessage(),
          e);
    }
    if (!toStart.isEmpty()) {
      apiKey = ApiKeyFile.keyFor(options.dataDir());
    }
    for (ServiceSpec spec : toStart) {
      out.printf("starting %s on port %d ...%n", spec.name(), spec.port());
      ServiceProcess process = startService(spec, stack);
      services.add(process);
      process.awaitReady(SERVICE_START_TIMEOUT);
    }
    printSummary();
  }

  private ServiceProcess startService(ServiceSpec spec, LocalStack running) {
    liveness.forget(spec.name()); // a new process: its first answer is awaited again
    List<String> jvm =
        new ArrayList<>(
            List.of(
                "-D"
                    + spec.workDirProperty()
                    + "="
                    + options.dataDir().resolve(WORK_DIR).resolve(spec.name()).toAbsolutePath(),
                "-Dquarkus.http.host=" + StackSettings.LOOPBACK,
                // DJL natives come from the classpath; nothing is downloaded at run time.
                "-Dai.djl.offline=true",
                "-Dquarkus.http.port=" + spec.port(),
                "-Dkafka.bootstrap.servers=" + running.kafkaBootstrapServers(),
                "-Dlcz.s3.endpoint=" + running.s3Endpoint()));
    options.serviceProperties().forEach((key, value) -> jvm.add("-D" + key + "=" + value));
    S3Settings s3 = running.s3Settings();
    return ServiceProcess.start(
        spec.name(),
        ServiceProcess.javaCommand(jvm, List.of("-jar", spec.runner(options.home()).toString())),
        environment(spec, s3),
        options.dataDir().resolve(LOG_DIR).resolve(spec.name() + ".log"),
        URI.create("http://127.0.0.1:" + spec.port() + "/q/health/ready"));
  }

  private Map<String, String> environment(ServiceSpec spec, S3Settings s3) {
    Map<String, String> env = new HashMap<>(spec.environment());
    if (spec.module().equals("ingest-service") && apiKey != null) {
      env.put(ApiKeyFile.ENV, apiKey);
    }
    env.put(S3Settings.ENV_ACCESS_KEY, s3.accessKey());
    env.put(S3Settings.ENV_SECRET_KEY, s3.secretKey());
    return env;
  }

  private void printSummary() {
    S3Settings s3 = stack.s3Settings();
    out.println();
    out.println("LCZ platform is up. Data folder: " + options.dataDir().toAbsolutePath());
    out.printf(
        "  %-17s %-28s %s%n",
        "Kafka", stack.kafkaBootstrapServers(), "try: kcat -L -b " + stack.kafkaBootstrapServers());
    out.printf(
        "  %-17s %-28s %s%n",
        "S3",
        stack.s3Endpoint(),
        "access key " + s3.accessKey() + " (LCZ_S3_ACCESS_KEY / LCZ_S3_SECRET_KEY)");
    for (ServiceProcess p : services) {
      ServiceSpec spec = spec(p.name());
      out.printf(
          "  %-17s %-28s %s%n",
          spec.name(), "http://127.0.0.1:" + spec.port(), "/q/health /q/metrics  log " + p.log());
    }
    options.serviceSpecs().stream()
        .filter(s -> s.name().equals("ingest-service"))
        .findFirst()
        .ifPresent(
            s -> {
              out.printf(
                  "Web page: http://127.0.0.1:%d/ (scenes, maps, training runs, models)%n",
                  s.port());
              out.printf(
                  "API key for REST writes and the web page's uploads and training form: %s%n"
                      + "  (curl -H 'Authorization: Bearer %s' …; kept in %s, or set %s)%n",
                  apiKey, apiKey, ApiKeyFile.file(options.dataDir()), ApiKeyFile.ENV);
            });
    out.println(
        "Drop a scene: copy it into "
            + stack.bucketsDir().resolve(Buckets.INBOX)
            + "/ or PUT it to s3://"
            + Buckets.INBOX
            + "/ with any S3 client.");
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  /**
   * Checks that every service started still runs.
   *
   * @throws IllegalStateException naming the service that stopped and its log
   */
  public void checkServices() {
    for (ServiceProcess p : List.copyOf(services)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            p.name() + " stopped unexpectedly; see " + p.log() + ". Stopping the platform.");
      }
    }
  }

  /**
   * Blocks while everything runs, restarting a service that exits by itself ({@link #supervise});
   * fails when one keeps crashing.
   */
  void watch() {
    while (stack != null) {
      supervise(Instant.now());
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * One round of supervision at {@code now}: a service that exited by itself is started again after
   * the policy's backoff (its log goes on in the same file); one restarted too often within the
   * policy's window is not.
   *
   * @throws IllegalStateException naming the service that keeps crashing and its log
   */
  public synchronized void supervise(Instant now) {
    if (stack == null) {
      return; // stopped
    }
    for (ServiceProcess p : List.copyOf(services)) {
      if (p.isAlive() || pendingRestarts.containsKey(p.name())) {
        continue;
      }
      Optional<Instant> at = restarts.exited(p.name(), now);
      if (at.isEmpty()) {
        throw new IllegalStateException(
            p.name()
                + " keeps crashing (exit code "
                + p.exitCode()
                + ", restarted "
                + restarts.recentRestarts(p.name(), now)
                + " times in "
                + restarts.window().toMinutes()
                + " min); see "
                + p.log()
                + ". Stopping the platform.");
      }
      out.printf(
          "lcz: %s exited (code %d); restarting it in %d s (see %s)%n",
          p.name(), p.exitCode(), Duration.between(now, at.get()).toSeconds(), p.log());
      pendingRestarts.put(p.name(), at.get());
    }
    probeLiveness(now);
    for (Map.Entry<String, Instant> due : List.copyOf(pendingRestarts.entrySet())) {
      if (due.getValue().isAfter(now)) {
        continue;
      }
      pendingRestarts.remove(due.getKey());
      ServiceSpec spec = spec(due.getKey());
      services.removeIf(s -> s.name().equals(spec.name()));
      services.add(startService(spec, stack));
      out.printf("lcz: %s restarted%n", spec.name());
    }
  }

  /** How often the services' liveness is asked. */
  static final Duration PROBE_EVERY = Duration.ofSeconds(10);

  /**
   * Asks each running service's {@code /q/health/live} (every {@link #PROBE_EVERY}); one that has
   * answered DOWN — a consumer loop stopped or stuck — or, once it had answered, not at all — a
   * hung process — for {@link LivenessWatch#STANDARD_GRACE} is stopped, and the next round restarts
   * it like a service that exited (the same backoff and the same limit).
   */
  private void probeLiveness(Instant now) {
    if (lastProbe != null && Duration.between(lastProbe, now).compareTo(PROBE_EVERY) < 0) {
      return;
    }
    lastProbe = now;
    for (ServiceProcess p : List.copyOf(services)) {
      if (!p.isAlive() || pendingRestarts.containsKey(p.name())) {
        continue;
      }
      if (liveness.observe(p.name(), p.liveStatus(Duration.ofSeconds(2)), now)) {
        out.printf(
            "lcz: %s has answered DOWN or not at all on /q/health/live for %d s (a loop stopped"
                + " or stuck, or the process hung); stopping it to restart it (see %s)%n",
            p.name(), liveness.downFor(p.name(), now).orElseThrow().toSeconds(), p.log());
        liveness.forget(p.name());
        p.close();
      }
    }
  }

  private ServiceSpec spec(String name) {
    return options.serviceSpecs().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }

  /** The process of service {@code name}, if it runs (for drills and tests). */
  public Optional<ServiceProcess> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * Stops service {@code name} (as a crash or a redeployment would), leaving the stack and the
   * other services running.
   *
   * @throws IllegalArgumentException if no such service runs
   */
  public synchronized void stopService(String name) {
    ServiceProcess p =
        service(name)
            .orElseThrow(() -> new IllegalArgumentException("no service " + name + " runs"));
    p.close();
    services.remove(p);
    pendingRestarts.remove(name);
  }

  /**
   * Starts service {@code name} again (after {@link #stopService}) and waits until it is ready.
   *
   * @throws IllegalArgumentException if the platform has no such service, or it runs
   */
  public synchronized void startService(String name) {
    if (service(name).isPresent()) {
      throw new IllegalArgumentException(name + " runs already");
    }
    ServiceProcess process = startService(spec(name), stack);
    services.add(process);
    process.awaitReady(SERVICE_START_TIMEOUT);
  }

  /** Stops the services (newest first), then the stack. Safe to call more than once. */
  public synchronized void stop() {
    pendingRestarts.clear();
    List<ServiceProcess> running = new ArrayList<>(services);
    Collections.reverse(running);
    for (ServiceProcess p : running) {
      p.close();
    }
    services.clear();
    LocalStack s = stack;
    stack = null;
    if (s != null) {
      s.close();
      out.println("lcz: stopped.");
    }
  }

  /** The ingest service's API key, once the services were started; null for the stack alone. */
  public String apiKey() {
    return apiKey;
  }

  /** The running stack, or null before {@link #start()} and after {@link #stop()}. */
  public LocalStack stack() {
    return stack;
  }
}
