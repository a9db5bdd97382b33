package org.lcz.contract.testing;

import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * What a test needs from outside the repository (the real data of {@code ../shared/realdata}, a
 * program {@code .ci/run} installs): where it is missing the test is skipped with the reason and
 * what to do, on a developer's machine; in CI ({@code CI=true}) it fails, because there a skipped
 * test would hide that the claim it checks went unchecked.
 */
public final class Prerequisite {
  private Prerequisite() {}

  /**
   * Returns when {@code present}; otherwise skips the calling test with {@code why}, or fails it
   * when the environment says {@code CI=true}.
   *
   * @param why what is missing and how to get it
   */
  public static void require(boolean present, String why) {
    require(present, why, System.getenv());
  }

  static void require(boolean present, String why, Map<String, String> env) {
    if (present) {
      return;
    }
    if (inCi(env)) {
      throw new AssertionError(why + " (CI=true: a prerequisite missing in CI fails the test)");
    }
    throw new TestAbortedException(why + ": skipping the test (it fails under CI=true)");
  }

  /** Whether {@code env} is CI's: {@code CI=true}, as CI services set it. */
  static boolean inCi(Map<String, String> env) {
    return "true".equalsIgnoreCase(env.getOrDefault("CI", "").trim());
  }
}
