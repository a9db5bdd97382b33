package org.lcz.deploy.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

/**
 * Picks ports on loopback for tests and benchmarks that start servers of their own.
 *
 * <p>A port handed out by the kernel for {@code bind(0)} lies in its ephemeral range — the range
 * outgoing connections take their local ports from. Between picking such a port and a service
 * binding it (a service starts in seconds, while Kafka and S3 clients connect all around), an
 * outgoing connection can take it, and the service fails with "port in use" (seen in CI: the
 * training worker's port taken while the ingest service started). Ports are therefore chosen at
 * random <em>below</em> the ephemeral range (read from {@code
 * /proc/sys/net/ipv4/ip_local_port_range}, Linux's 32768–60999 when unreadable), from {@value
 * #LOWEST} up, never the same twice in one JVM, and each checked free by binding it.
 */
public final class FreePorts {
  /** The lowest port handed out: above the well-known and usual server ports. */
  public static final int LOWEST = 10_000;

  /** Linux's default ephemeral range, used when the kernel's cannot be read. */
  static final int[] DEFAULT_EPHEMERAL = {32_768, 60_999};

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int ATTEMPTS = 200;
  private static final FreePorts SYSTEM =
      new FreePorts(ephemeralRange(EPHEMERAL_RANGE), FreePorts::bindable);

  private final int low;
  private final int high;
  private final IntPredicate isFree;
  private final Set<Integer> handedOut = new HashSet<>();

  /**
   * Ports from {@value #LOWEST} to just below {@code ephemeral[0]} (or, if that leaves too few,
   * from just above {@code ephemeral[1]} to 65535), each tested with {@code isFree}.
   */
  FreePorts(int[] ephemeral, IntPredicate isFree) {
    if (ephemeral[0] - LOWEST >= 1_000) {
      this.low = LOWEST;
      this.high = ephemeral[0] - 1;
    } else if (65_535 - ephemeral[1] >= 1_000) {
      this.low = ephemeral[1] + 1;
      this.high = 65_535;
    } else {
      throw new IllegalArgumentException(
          "the ephemeral port range "
              + ephemeral[0]
              + "–"
              + ephemeral[1]
              + " leaves no room for servers' ports");
    }
    this.isFree = isFree;
  }

  /** A port nothing listens on, outside the ephemeral range. */
  public static int one() {
    return SYSTEM.first(1);
  }

  /** The first of {@code n} consecutive such ports. */
  public static int consecutive(int n) {
    return SYSTEM.first(n);
  }

  /** The first of {@code n} consecutive free ports never handed out before by this picker. */
  synchronized int first(int n) {
    if (n < 1 || n > high - low + 1) {
      throw new IllegalArgumentException("cannot pick " + n + " consecutive ports");
    }
    int starts = high - n + 2 - low;
    for (int attempt = 0; attempt < ATTEMPTS + starts; attempt++) {
      // random tries first; then every start in turn, so only a range used up is refused
      int first =
          attempt < ATTEMPTS
              ? ThreadLocalRandom.current().nextInt(low, low + starts)
              : low + (attempt - ATTEMPTS);
      if (allFree(first, n)) {
        for (int p = first; p < first + n; p++) {
          handedOut.add(p);
        }
        return first;
      }
    }
    throw new IllegalStateException(
        "no " + n + " consecutive free ports on loopback between " + low + " and " + high);
  }

  private boolean allFree(int first, int n) {
    for (int p = first; p < first + n; p++) {
      if (handedOut.contains(p) || !isFree.test(p)) {
        return false;
      }
    }
    return true;
  }

  /** The kernel's ephemeral port range in {@code file}, or Linux's default when unreadable. */
  static int[] ephemeralRange(Path file) {
    try {
      String[] parts = Files.readString(file).trim().split("\\s+");
      if (parts.length == 2) {
        int low = Integer.parseInt(parts[0]);
        int high = Integer.parseInt(parts[1]);
        if (0 < low && low <= high && high <= 65_535) {
          return new int[] {low, high};
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or not readable: the default below
    }
    return DEFAULT_EPHEMERAL.clone();
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket =
        new ServerSocket(port, 1, InetAddress.getByName(StackSettings.LOOPBACK))) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
