package org.lcz.deploy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lcz.contract.testing.Prerequisite;

/**
 * Validates STAC JSON files with stac-node-validator (npm) against the official STAC core and
 * extension schemas vendored beside this class ({@code stac-schemas/}, see its README), offline:
 * each schema URL the files name is mapped to its vendored copy, so a file naming an extension that
 * is not vendored fails instead of being fetched.
 *
 * <p>The validator is {@code $LCZ_STAC_VALIDATOR}, else {@code
 * ~/.cache/lcz/stac-node-validator/node_modules/.bin/stac-node-validator} (installed by {@code
 * .ci/run}: {@code npm install --prefix ~/.cache/lcz/stac-node-validator
 * stac-node-validator@2.0.0}). Without it a test is skipped with that instruction, and fails when
 * {@code CI=true} ({@link Prerequisite}).
 */
public final class StacValidator {
  /** The schema URL prefixes mapped to the vendored folders. */
  static final Map<String, String> MAPPED = new LinkedHashMap<>();

  static {
    MAPPED.put("https://schemas.stacspec.org/v1.0.0/", "stac/v1.0.0/");
    MAPPED.put("https://geojson.org/schema/", "geojson/");
    MAPPED.put("https://proj.org/schemas/v0.7/", "proj/v0.7/");
    for (String ext :
        List.of(
            "projection/v1.2.0",
            "raster/v1.1.0",
            "classification/v1.1.0",
            "mlm/v1.4.0",
            "alternate-assets/v1.2.0",
            "file/v2.1.0",
            "processing/v1.1.0")) {
      MAPPED.put("https://stac-extensions.github.io/" + ext + "/", "ext/" + ext + "/");
    }
  }

  private static final String[] FILES = {
    "stac/v1.0.0/catalog-spec/json-schema/catalog.json",
    "stac/v1.0.0/collection-spec/json-schema/collection.json",
    "stac/v1.0.0/item-spec/json-schema/basics.json",
    "stac/v1.0.0/item-spec/json-schema/datetime.json",
    "stac/v1.0.0/item-spec/json-schema/instrument.json",
    "stac/v1.0.0/item-spec/json-schema/item.json",
    "stac/v1.0.0/item-spec/json-schema/licensing.json",
    "stac/v1.0.0/item-spec/json-schema/provider.json",
    "geojson/Feature.json",
    "geojson/FeatureCollection.json",
    "geojson/Geometry.json",
    "proj/v0.7/projjson.schema.json",
    "ext/projection/v1.2.0/schema.json",
    "ext/raster/v1.1.0/schema.json",
    "ext/classification/v1.1.0/schema.json",
    "ext/mlm/v1.4.0/schema.json",
    "ext/alternate-assets/v1.2.0/schema.json",
    "ext/file/v2.1.0/schema.json",
    "ext/processing/v1.1.0/schema.json"
  };

  private static final Pattern SUMMARY =
      Pattern.compile("Passed: (\\d+)\\s+Invalid: (\\d+)\\s+Skipped: (\\d+)");

  private StacValidator() {}

  /** The validator's executable; skips the test (fails it under {@code CI=true}) when absent. */
  public static Path executable() {
    Path exe = NpmTool.path("LCZ_STAC_VALIDATOR", "stac-node-validator", "stac-node-validator");
    String why =
        exe
            + " is absent: install it with `npm install --prefix ~/.cache/lcz/stac-node-validator"
            + " stac-node-validator@2.0.0` (.ci/run does) or set LCZ_STAC_VALIDATOR";
    Prerequisite.require(Files.isExecutable(exe), why);
    return exe;
  }

  /**
   * Asserts that every {@code *.json} file under {@code folder} is valid STAC (core and every
   * extension it declares), naming each problem otherwise.
   *
   * @param expected how many files must have been validated
   */
  public static void assertValid(Path folder, int expected) {
    Path exe = executable();
    try {
      Path schemas = schemas(Files.createTempDirectory("stac-schemas"));
      StringBuilder config = new StringBuilder("{\"schemaMap\": {");
      String sep = "";
      for (var e : MAPPED.entrySet()) {
        config
            .append(sep)
            .append('"')
            .append(e.getKey())
            .append("\": \"")
            .append(schemas.resolve(e.getValue()).toString().replace("\\", "/"))
            .append("/\"");
        sep = ", ";
      }
      config.append("}}");
      Path configFile = schemas.resolve("config.json");
      Files.writeString(configFile, config);
      // its output goes to a file, so the wait below is the only one and it is bounded
      Path output = schemas.resolve("validator.log");
      Process p =
          new ProcessBuilder(
                  exe.toString(), "--verbose", "--config", configFile.toString(), folder.toString())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(
            "stac-node-validator did not finish within 120 s on "
                + folder
                + "; its output so far:\n"
                + Files.readString(output, StandardCharsets.UTF_8));
      }
      String log = Files.readString(output, StandardCharsets.UTF_8);
      Matcher m = SUMMARY.matcher(log);
      assertThat(m.find()).as("stac-node-validator's summary in:%n%s", log).isTrue();
      assertThat(Integer.parseInt(m.group(2))).as("invalid STAC files:%n%s", log).isZero();
      assertThat(Integer.parseInt(m.group(3))).as("skipped STAC files:%n%s", log).isZero();
      assertThat(Integer.parseInt(m.group(1))).as("valid STAC files:%n%s", log).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The vendored schemas copied into {@code dir} (they may sit inside a jar). */
  static Path schemas(Path dir) throws IOException {
    for (String f : FILES) {
      Path to = dir.resolve(f);
      Files.createDirectories(to.getParent());
      try (InputStream in = StacValidator.class.getResourceAsStream("stac-schemas/" + f)) {
        if (in == null) {
          throw new IOException("the vendored schema " + f + " is missing");
        }
        Files.copy(in, to);
      }
    }
    return dir;
  }
}
