package org.lcz.training.worker;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;
import org.lcz.events.EventCodec;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.registry.ModelRegistry;
import org.lcz.storage.ObjectStore;
import org.lcz.training.config.TrainingConfig;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.train.TrainingRun;

/** Starts the request loop on its own thread with the service and stops it on shutdown. */
@ApplicationScoped
@Liveness
public class TrainingRequestConsumer implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(TrainingRequestConsumer.class);

  private RequestLoop loop;
  private Thread thread;
  private DeadLetterPublisher deadLetters;

  void onStart(
      @Observes StartupEvent event,
      TrainingConfig config,
      ObjectStore store,
      EventPublisher publisher,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    LOG.infof("training device: %s", TrainingRun.device());
    Properties props = KafkaClients.rawConsumer(bootstrap, config.groupId());
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
    deadLetters = new DeadLetterPublisher(bootstrap, application);
    TrainingJob job =
        new TrainingJob(
                store,
                e -> publisher.publishAndWait(e, Duration.ofSeconds(30)),
                defaults(config),
                config.workDir(),
                Clock.systemUTC(),
                new ModelRegistry(bootstrap)::current)
            .areaRepeats(config.areaRepeats());
    loop =
        new RequestLoop(
            new KafkaConsumer<>(props), new InboundEvents(new EventCodec()), job, deadLetters);
    thread = new Thread(loop, "training-requests");
    thread.start();
  }

  /** The worker's defaults from the configuration. */
  public static TrainingDefaults defaults(TrainingConfig c) {
    return new TrainingDefaults(
        c.defaultVariant(),
        c.defaultEpochs(),
        c.defaultBatchSize(),
        c.defaultLearningRate(),
        c.defaultPatience(),
        c.defaultSeed(),
        c.decayEvery(),
        c.decayFactor(),
        c.augment(),
        c.groundSampleDistance(),
        new DatasetLayout(c.dataset().imageKey(), c.dataset().labelKey(), c.dataset().bandNames()));
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    if (loop != null) {
      loop.stop();
      thread.join(10_000);
      deadLetters.close();
    }
  }

  /** The run in progress, or empty. */
  public String currentRun() {
    return loop == null || loop.currentRun() == null ? "" : loop.currentRun();
  }

  /** The request loop runs (a dead loop would leave requests unconsumed). */
  @Override
  public HealthCheckResponse call() {
    boolean alive = thread != null && thread.isAlive();
    return HealthCheckResponse.named("training-requests")
        .status(alive)
        .withData("currentRun", currentRun())
        .build();
  }
}
