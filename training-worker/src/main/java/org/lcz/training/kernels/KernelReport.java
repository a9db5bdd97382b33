package org.lcz.training.kernels;

import java.util.List;
import java.util.Locale;

/**
 * What the kernel self-check found before a training run: where it ran, how many convolutions it
 * checked, and which it routed around wrong kernels. Goes into the log, the model card and the
 * worker's {@code /status}.
 *
 * @param device the engine's device
 * @param threads intra-op threads (−1 when not on the CPU)
 * @param cpu the CPU's vector extensions and the kernel settings in force
 * @param checked distinct convolution shapes checked (0 when the check does not apply)
 * @param routes the convolutions computed in another form, with why
 * @param seconds time the check took (0 when every shape was known from an earlier run)
 * @param note why the check did not apply, or empty
 */
public record KernelReport(
    String device,
    int threads,
    String cpu,
    int checked,
    List<Route> routes,
    double seconds,
    String note) {

  /**
   * A convolution whose direct form was wrong here.
   *
   * @param problem its shapes in oneDNN's notation
   * @param form the form it is computed in instead
   * @param directFailure what was wrong with the direct form
   */
  public record Route(String problem, String form, String directFailure) {}

  public KernelReport {
    routes = List.copyOf(routes);
  }

  /** One line for the log and the status page. */
  public String summary() {
    if (checked == 0) {
      return "kernel self-check: " + note;
    }
    String head =
        String.format(
            Locale.ROOT,
            "kernel self-check on %s (%s, %d thread%s): %d convolution shape%s exact",
            device,
            cpu,
            threads,
            threads == 1 ? "" : "s",
            checked,
            checked == 1 ? "" : "s");
    if (routes.isEmpty()) {
      return head + " in their direct form";
    }
    StringBuilder s = new StringBuilder(head).append("; ").append(routes.size());
    s.append(
        routes.size() == 1
            ? " computed in another form because the direct one was wrong here: "
            : " computed in other forms because the direct ones were wrong here: ");
    for (int i = 0; i < routes.size(); i++) {
      Route r = routes.get(i);
      s.append(i == 0 ? "" : "; ")
          .append(r.problem())
          .append(" → ")
          .append(r.form())
          .append(" (direct: ")
          .append(r.directFailure())
          .append(')');
    }
    return s.toString();
  }
}
