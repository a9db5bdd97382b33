package org.lcz.deploy.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreePortsTest {

  @Test
  void theKernelsEphemeralRangeIsReadAndAnUnreadableOneIsLinuxsDefault(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("range"), "40000\t50000\n");
    assertArrayEquals(new int[] {40_000, 50_000}, FreePorts.ephemeralRange(file));
    Path garbage = Files.writeString(dir.resolve("garbage"), "forty thousand\n");
    assertArrayEquals(FreePorts.DEFAULT_EPHEMERAL, FreePorts.ephemeralRange(garbage));
    assertArrayEquals(
        FreePorts.DEFAULT_EPHEMERAL, FreePorts.ephemeralRange(dir.resolve("missing")));
  }

  @Test
  void portsComeFromBelowTheEphemeralRangeAndCanBeBoundAtOnce() throws Exception {
    int[] ephemeral = FreePorts.ephemeralRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    for (int i = 0; i < 20; i++) {
      int port = StackSettings.freePort();
      assertTrue(
          port >= FreePorts.LOWEST && port < ephemeral[0],
          port + " is not between " + FreePorts.LOWEST + " and " + ephemeral[0]);
      try (ServerSocket bound =
          new ServerSocket(port, 1, InetAddress.getByName(StackSettings.LOOPBACK))) {
        assertEquals(port, bound.getLocalPort());
      }
    }
    int first = StackSettings.freePorts(3);
    assertTrue(first + 2 < ephemeral[0]);
  }

  @Test
  void aPortIsNeverHandedOutTwiceAndARangeUsedUpSaysSo() {
    // Ephemeral from 11000: ports 10000..10999, all free by the predicate.
    FreePorts ports = new FreePorts(new int[] {11_000, 60_999}, port -> true);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      int port = ports.first(1);
      assertTrue(port >= 10_000 && port <= 10_999, String.valueOf(port));
      assertTrue(seen.add(port), port + " handed out twice");
    }
    IllegalStateException used = assertThrows(IllegalStateException.class, () -> ports.first(1));
    assertTrue(used.getMessage().contains("between 10000 and 10999"), used.getMessage());
  }

  @Test
  void portsInUseAreSkippedAndConsecutivePortsAreAllFree() {
    FreePorts evenOnly = new FreePorts(new int[] {32_768, 60_999}, port -> port % 2 == 0);
    for (int i = 0; i < 50; i++) {
      assertEquals(0, evenOnly.first(1) % 2);
    }
    assertThrows(IllegalStateException.class, () -> evenOnly.first(2));
  }

  @Test
  void aLowEphemeralRangeLeavesThePortsAboveIt() {
    FreePorts above = new FreePorts(new int[] {1_024, 60_000}, port -> true);
    for (int i = 0; i < 50; i++) {
      int port = above.first(1);
      assertTrue(port > 60_000 && port <= 65_535, String.valueOf(port));
    }
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FreePorts(new int[] {1_024, 65_000}, port -> true));
    assertTrue(none.getMessage().contains("leaves no room"), none.getMessage());
  }
}
