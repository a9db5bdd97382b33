package org.lcz.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.lcz.ingest.areas.AreaRequestsListener;
import org.lcz.ingest.notify.NotificationListener;
import org.lcz.ingest.status.PlatformEventsListener;

/**
 * {@code /q/health/live}: DOWN when the inbox-notification loop died or has not gone round for 10
 * minutes (it polls every second), or the training-areas loop died — so that Kubernetes restarts an
 * ingest service whose events would otherwise wait.
 */
@ApplicationScoped
@Liveness
public class IngestLiveness implements HealthCheck {
  /** The check's name. */
  public static final String NAME = "ingest-loops";

  /** How long the notification loop may be silent before it counts as stuck. */
  static final Duration STUCK_AFTER = Duration.ofMinutes(10);

  private final NotificationListener notifications;
  private final AreaRequestsListener areas;
  private final PlatformEventsListener events;

  public IngestLiveness(
      NotificationListener notifications,
      AreaRequestsListener areas,
      PlatformEventsListener events) {
    this.notifications = notifications;
    this.areas = areas;
    this.events = events;
  }

  @Override
  public HealthCheckResponse call() {
    boolean inbox = notifications.alive(STUCK_AFTER);
    boolean training = areas.alive();
    boolean platform = events.alive(STUCK_AFTER);
    return HealthCheckResponse.named(NAME)
        .withData("inbox-notifications", inbox ? "running" : "stuck or stopped")
        .withData("training-areas", training ? "running" : "stopped")
        .withData("platform-events", platform ? "running" : "stuck or stopped")
        .status(inbox && training && platform)
        .build();
  }
}
