package org.lcz.demo;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The peak heap of other JVMs (the platform's services), sampled: each process is attached once
 * (the JDK's Attach API starts its local JMX agent), then its used heap is read every {@code
 * interval} and the largest value kept. Sampling misses what lives shorter than the interval
 * between two collections, so the peak is a lower bound of the true one, within one interval.
 */
public final class HeapWatch implements AutoCloseable {
  /** One process's figures in bytes: peak used heap (sampled), peak committed, the limit. */
  public record Peak(long used, long committed, long max) {}

  private final Map<String, JMXConnector> connections = new ConcurrentHashMap<>();
  private final Map<String, MemoryMXBean> beans = new ConcurrentHashMap<>();
  private final Map<String, Peak> peaks = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "heap-watch");
            t.setDaemon(true);
            return t;
          });

  /** Samples every {@code intervalMillis}, from now on, the processes {@link #watch}ed. */
  public HeapWatch(long intervalMillis) {
    sampler.scheduleAtFixedRate(this::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Attaches to process {@code pid} under {@code name}.
   *
   * @throws IOException if the process cannot be attached to (not a JVM, another user's, gone)
   */
  public void watch(String name, long pid) throws IOException {
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
      MemoryMXBean memory =
          ManagementFactory.newPlatformMXBeanProxy(
              connector.getMBeanServerConnection(),
              ManagementFactory.MEMORY_MXBEAN_NAME,
              MemoryMXBean.class);
      connections.put(name, connector);
      beans.put(name, memory);
      sample(name, memory);
    } catch (AttachNotSupportedException | IOException e) {
      throw new IOException("cannot attach to process " + pid + " (" + name + "): " + e, e);
    }
  }

  /** The peaks so far, by name. */
  public Map<String, Peak> peaks() {
    sample();
    return Map.copyOf(peaks);
  }

  private void sample() {
    beans.forEach(this::sample);
  }

  private void sample(String name, MemoryMXBean memory) {
    try {
      var heap = memory.getHeapMemoryUsage();
      peaks.merge(
          name,
          new Peak(heap.getUsed(), heap.getCommitted(), heap.getMax()),
          (a, b) ->
              new Peak(
                  Math.max(a.used(), b.used()), Math.max(a.committed(), b.committed()), b.max()));
    } catch (RuntimeException e) {
      beans.remove(name); // the process ended; its peak stays
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    for (JMXConnector c : connections.values()) {
      try {
        c.close();
      } catch (IOException e) {
        // the process may be gone already
      }
    }
  }
}
