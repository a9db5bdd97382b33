package org.lcz.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.lcz.events.EventCodec;
import org.lcz.events.LczEvent;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.TopicSnapshot;

/** Reads the platform's events from the real broker, for assertions. */
public final class TopicEvents {
  private final String bootstrap;
  private final InboundEvents inbound = new InboundEvents(new EventCodec());

  public TopicEvents(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** The events on {@code topic} that {@code mine} accepts, now. */
  public List<LczEvent> read(String topic, Predicate<LczEvent> mine) {
    return TopicSnapshot.read(bootstrap, topic, Duration.ofSeconds(30)).stream()
        .map(r -> inbound.decode(r, LczEvent.class))
        .filter(mine)
        .toList();
  }

  /** Waits (up to two minutes) until the events {@code mine} accepts satisfy {@code done}. */
  public List<LczEvent> await(
      String topic, Predicate<LczEvent> mine, Predicate<List<LczEvent>> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(120);
    List<LczEvent> found;
    do {
      found = read(topic, mine);
      if (done.test(found)) {
        return found;
      }
      Thread.sleep(300);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("events did not arrive on " + topic + ": " + found);
  }
}
