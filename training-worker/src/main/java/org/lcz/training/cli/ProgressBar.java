package org.lcz.training.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.lcz.training.train.EpochStats;
import org.lcz.training.train.TrainingListener;

/**
 * Shows training progress at a terminal: a bar redrawn in place for the batches of the current
 * epoch, and one permanent line per epoch.
 */
final class ProgressBar implements TrainingListener {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean redraw;
  private long epochStart;

  /**
   * @param redraw whether to redraw a bar in place (a terminal) or only print epoch lines (a log)
   */
  ProgressBar(PrintStream out, boolean redraw) {
    this.out = out;
    this.redraw = redraw;
  }

  @Override
  public void onBatch(int epoch, int batch, int batches, double meanLoss) {
    if (batch == 1) {
      epochStart = System.nanoTime();
    }
    if (!redraw) {
      return;
    }
    out.print("\r" + bar(epoch, batch, batches, meanLoss, System.nanoTime() - epochStart));
    out.flush();
  }

  /** One bar line, e.g. {@code epoch 3 [=========> ] 45/120 loss 0.5321 12 s}. */
  static String bar(int epoch, int batch, int batches, double loss, long elapsedNanos) {
    int filled = (int) ((long) WIDTH * batch / batches);
    StringBuilder b = new StringBuilder(WIDTH);
    for (int i = 0; i < WIDTH; i++) {
      b.append(i < filled ? '=' : i == filled ? '>' : ' ');
    }
    return String.format(
        Locale.ROOT,
        "epoch %d [%s] %d/%d loss %.4f %.0f s",
        epoch,
        b,
        batch,
        batches,
        loss,
        elapsedNanos / 1e9);
  }

  @Override
  public void onEpoch(EpochStats s) {
    if (redraw) {
      out.print("\r\033[K");
    }
    out.println(s.describe());
  }

  @Override
  public void onNote(String message) {
    if (redraw) {
      out.print("\r\033[K");
    }
    out.println(message);
  }
}
