package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Attaches to real child JVMs. */
class HeapWatchTest {
  /** A JVM that keeps 96 MB on its heap, says so, and waits to be stopped. */
  public static final class Holder {
    static byte[] kept;

    public static void main(String[] args) throws Exception {
      kept = new byte[96 << 20];
      java.util.Arrays.fill(kept, (byte) 1);
      System.out.println("holding");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }

  private static Process holder(String xmx) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java, xmx, "-cp", System.getProperty("java.class.path"), Holder.class.getName())
            .redirectErrorStream(true)
            .start();
    String line =
        new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
    assertThat(line).isEqualTo("holding");
    return p;
  }

  @Test
  void thePeakHeapOfAnotherJvmIsSampledAndKeptAfterItEnds() throws Exception {
    Process p = holder("-Xmx256m");
    try (HeapWatch watch = new HeapWatch(100)) {
      watch.watch("holder", p.pid());
      HeapWatch.Peak peak = watch.peaks().get("holder");
      assertThat(peak.used()).isGreaterThanOrEqualTo(96L << 20).isLessThan(256L << 20);
      assertThat(peak.committed()).isGreaterThanOrEqualTo(peak.used());
      assertThat(peak.max()).isBetween(200L << 20, 256L << 20);

      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(300); // the watch notices the process is gone
      HeapWatch.Peak kept = watch.peaks().get("holder");
      assertThat(kept.used()).isGreaterThanOrEqualTo(96L << 20).isLessThan(256L << 20);
      Thread.sleep(500); // three more sampling periods: nothing more is sampled of it
      assertThat(watch.peaks().get("holder")).isEqualTo(kept);
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aProcessThatIsNoJvmCannotBeWatched() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "30").start();
    try (HeapWatch watch = new HeapWatch(100)) {
      assertThatThrownBy(() -> watch.watch("sleep", sleep.pid()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("sleep");
    } finally {
      sleep.destroyForcibly();
    }
  }
}
