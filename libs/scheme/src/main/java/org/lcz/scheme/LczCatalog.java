package org.lcz.scheme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 17 LCZ classes with the WUDAPT palette, read from {@code classes.csv} (a copy of the
 * project's shared {@code lcz/classes.csv}). Map rasters use the class values; 0 is nodata.
 */
public final class LczCatalog {
  /** The map value of "no class". */
  public static final int NODATA = 0;

  private static final LczCatalog STANDARD = load("classes.csv");

  private final List<LczClass> classes;

  private LczCatalog(List<LczClass> classes) {
    this.classes = List.copyOf(classes);
    for (int i = 0; i < classes.size(); i++) {
      if (classes.get(i).value() != i + 1) {
        throw new IllegalStateException("LCZ class values must run 1.." + classes.size());
      }
    }
  }

  /** The standard 17 classes. */
  public static LczCatalog standard() {
    return STANDARD;
  }

  /** All classes, in value order. */
  public List<LczClass> classes() {
    return classes;
  }

  /** How many classes. */
  public int size() {
    return classes.size();
  }

  /** The class with map value {@code value} (1-based). */
  public LczClass byValue(int value) {
    if (value < 1 || value > classes.size()) {
      throw new IllegalArgumentException(
          "no LCZ class has value " + value + " (values run 1.." + classes.size() + ")");
    }
    return classes.get(value - 1);
  }

  /** The class with LCZ code {@code code} ({@code 1}…{@code 10}, {@code A}…{@code G}). */
  public Optional<LczClass> byCode(String code) {
    String c = code.trim().toUpperCase(Locale.ROOT);
    return classes.stream().filter(k -> k.code().equals(c)).findFirst();
  }

  private static LczCatalog load(String resource) {
    try (InputStream in = LczCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<LczClass> out = new ArrayList<>();
      String header = reader.readLine();
      if (header == null || !header.startsWith("value,lcz,name,group,hex")) {
        throw new IllegalStateException(resource + " has an unexpected header: " + header);
      }
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          out.add(parse(line));
        }
      }
      return new LczCatalog(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Parses {@code value,lcz,name,group,hex}; the name may be quoted and contain commas. */
  private static LczClass parse(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    if (fields.size() != 5) {
      throw new IllegalStateException("classes.csv: expected 5 fields in: " + line);
    }
    return new LczClass(
        Integer.parseInt(fields.get(0).trim()),
        fields.get(1).trim(),
        fields.get(2).trim(),
        LczGroup.valueOf(fields.get(3).trim().toUpperCase(Locale.ROOT)),
        Integer.parseInt(fields.get(4).trim().substring(1), 16));
  }
}
