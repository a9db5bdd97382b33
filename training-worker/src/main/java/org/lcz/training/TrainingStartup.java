package org.lcz.training;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lcz.training.config.TrainingConfig;
import org.lcz.training.train.TorchThreads;

/** Says at start-up where the worker works and which defaults it applies. */
@ApplicationScoped
public class TrainingStartup {
  private static final Logger LOG = Logger.getLogger(TrainingStartup.class);

  static {
    TorchThreads.configure(); // before DJL's PyTorch engine starts
  }

  void onStart(@Observes StartupEvent event, TrainingConfig config) {
    LOG.infof(
        "training: work dir %s; defaults %s, %d epochs, batch %d, lr %s, patience %d",
        config.workDir(),
        config.defaultVariant(),
        config.defaultEpochs(),
        config.defaultBatchSize(),
        config.defaultLearningRate(),
        config.defaultPatience());
  }
}
