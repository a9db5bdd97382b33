package org.lcz.scheme.areas;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;

/**
 * The quality-control report of a set of training areas, as {@code ./lcz areas} prints it and the
 * ingest service stores it beside the patch sets ({@code qc.txt}).
 */
public final class QcReport {
  private QcReport() {}

  /**
   * The report: areas read and used per class with their km², every finding, and whether the areas
   * can train a model.
   *
   * @param name the areas file's name
   * @param scene the scene(s) checked against, or null when none was given
   */
  public static String text(
      String name, String scene, TrainingAreaFiles.Read read, AreaQc.Checked checked) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s: %d training areas read%s%n",
            name,
            read.areas().size(),
            scene == null
                ? " (no scene given: not checked against one)"
                : ", checked against " + scene));
    Map<Integer, long[]> perClass = new TreeMap<>();
    read.areas().forEach(a -> perClass.computeIfAbsent(a.lcz(), k -> new long[2])[0]++);
    Map<Integer, Double> km2 = new TreeMap<>();
    for (TrainingArea a : checked.areas()) {
      perClass.computeIfAbsent(a.lcz(), k -> new long[2])[1]++;
      km2.merge(a.lcz(), LocalMetres.area(a.geometry()) / 1e6, Double::sum);
    }
    out.append(
        String.format(Locale.ROOT, "%-4s %-22s %5s %5s %9s%n", "LCZ", "", "read", "used", "km²"));
    LczCatalog catalog = LczCatalog.standard();
    perClass.forEach(
        (c, n) -> {
          LczClass k = catalog.byValue(c);
          out.append(
              String.format(
                  Locale.ROOT,
                  "%-4s %-22s %5d %5d %9.3f%n",
                  k.code(),
                  k.name(),
                  n[0],
                  n[1],
                  km2.getOrDefault(c, 0.0)));
        });
    long errors = checked.findings().stream().filter(f -> f.level() == Finding.Level.ERROR).count();
    long warnings =
        checked.findings().stream().filter(f -> f.level() == Finding.Level.WARNING).count();
    out.append(
        String.format(
            Locale.ROOT,
            "%d findings: %d errors, %d warnings, %d notes%n",
            checked.findings().size(),
            errors,
            warnings,
            checked.findings().size() - errors - warnings));
    checked.findings().forEach(f -> out.append("  ").append(f).append(System.lineSeparator()));
    out.append(
        checked.usable()
            ? String.format(
                Locale.ROOT,
                "usable: %d areas in %d classes%n",
                checked.areas().size(),
                checked.keptPerClass().size())
            : "not usable: a class has fewer than "
                + AreaQc.MIN_AREAS_PER_CLASS
                + " usable areas"
                + System.lineSeparator());
    return out.toString();
  }
}
