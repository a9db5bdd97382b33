package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.launcher.LczLauncher;
import org.lcz.deploy.stack.StackSettings;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.synth.WorldSpec;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The ingest service's web page in Debian's Chromium (headless, through its chromedriver) against
 * the whole platform started as {@code ./lcz up} starts it: a training run started from the page
 * shows its epochs as they come, a scene uploaded through the page reaches {@code done} without a
 * reload, its map draws in LCZ colours exactly where the scene lies, the legend lists the classes
 * GDAL finds in the map, and the page reconnects and catches up after the service restarts. The
 * screenshots land in {@code target/web-page/} (the README's comes from there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration TRAINING = Duration.ofMinutes(8);
  private static final Duration MAPPING = Duration.ofMinutes(5);

  @TempDir static Path dir;

  private final Path shots = Path.of("target", "web-page");
  private LczLauncher launcher;
  private WebDriver browser;
  private String base;
  private WorldSpec.Written world;

  @BeforeAll
  void startThePlatformAndTheBrowser() throws Exception {
    assertThat(CHROMIUM)
        .as("Debian's chromium is needed (apt-get install chromium chromium-driver)")
        .isExecutable();
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver is needed").isExecutable();
    world =
        new WorldSpec(11, 300, 12, 48, WorldSpec.Mix.BALANCED)
            .writeOnce(dir.resolve("worlds"), System.out);
    int http = StackSettings.freePorts(3);
    launcher =
        new LczLauncher(
            TestPlatform.options(dir.resolve("data"), http, 1),
            new PrintStream(System.out, true, StandardCharsets.UTF_8));
    launcher.start();
    try (ObjectStore store = launcher.stack().newObjectStore()) {
      for (Path set : List.of(world.train(), world.validation(), world.test())) {
        store.put(Buckets.DATASETS, "web/" + set.getFileName(), set, "application/x-hdf5");
      }
    }
    base = "http://127.0.0.1:" + http + "/";
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--window-size=1400,1100",
        "--force-device-scale-factor=1");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Files.createDirectories(shots);
    browser.get(base);
    // a page that reloads loses this mark: every check below is made without a reload
    js("window.lczMark = 'no reload';");
    // the key ./lcz up printed, entered once (the browser keeps it)
    WebElement key = browser.findElement(By.id("api-key"));
    key.sendKeys(launcher.apiKey());
    key.sendKeys(Keys.TAB);
  }

  @AfterAll
  void stopAll() {
    if (browser != null) {
      browser.quit();
    }
    if (launcher != null) {
      launcher.stop();
    }
  }

  @Test
  @Order(1)
  void aTrainingRunStartedFromThePageShowsItsEpochsAsTheyComeAndItsModelCard() throws Exception {
    browser.findElement(By.id("nav-training")).click();
    await(
        "the patch sets are offered",
        Duration.ofSeconds(30),
        b -> options("train-data").contains("web/train.h5"));
    // without the key the service refuses, and the page says what to do
    WebElement key = browser.findElement(By.id("api-key"));
    key.clear();
    key.sendKeys(Keys.TAB);
    browser.findElement(By.cssSelector("#train-form button[type=submit]")).click();
    await(
        "the refusal",
        Duration.ofSeconds(30),
        b -> text("train-message").contains("enter the API key at the top of the page"));
    key.sendKeys(launcher.apiKey());
    key.sendKeys(Keys.TAB);
    new Select(browser.findElement(By.id("train-data"))).selectByVisibleText("web/train.h5");
    new Select(browser.findElement(By.id("validation-data"))).selectByVisibleText("web/val.h5");
    new Select(browser.findElement(By.id("test-data"))).selectByVisibleText("web/test.h5");
    WebElement epochs = browser.findElement(By.id("epochs"));
    epochs.clear();
    epochs.sendKeys("2");
    new Select(browser.findElement(By.id("promote"))).selectByValue("always");
    browser.findElement(By.cssSelector("#train-form button[type=submit]")).click();
    await(
        "the run is requested",
        Duration.ofSeconds(60),
        b -> text("train-message").contains("requested"));
    String runId = text("train-message").replaceAll("^run (\\S+) requested$", "$1");

    String run = "#runs li[data-run='" + runId + "']";
    await(
        "an epoch point of run " + runId,
        TRAINING,
        b -> !b.findElements(By.cssSelector(run + " circle.epoch-point")).isEmpty());
    await(
        "run " + runId + " published",
        TRAINING,
        b -> "published".equals(attribute(run, "data-state")));
    // two epochs, three series: six points, and the current model is this run's
    assertThat(browser.findElements(By.cssSelector(run + " circle.epoch-point"))).hasSize(6);
    WebElement current = browser.findElement(By.cssSelector("#models tbody tr .badge"));
    assertThat(current.getText()).isEqualTo("current");
    String version = current.findElement(By.xpath("./ancestor::tr")).getAttribute("data-version");
    assertThat(version).endsWith("-" + runId);

    browser
        .findElement(By.cssSelector("#models tr[data-version='" + version + "'] button"))
        .click();
    await(
        "the model card",
        Duration.ofSeconds(30),
        b -> b.findElement(By.id("card-title")).getText().contains(version));
    assertThat(browser.findElements(By.cssSelector("#card-body .matrix tbody tr"))).hasSize(17);
    await(
        "the card's plots load",
        Duration.ofSeconds(30),
        b ->
            (Boolean)
                js(
                    "const imgs = [...document.querySelectorAll('#card-body img')];"
                        + " return imgs.length > 0"
                        + " && imgs.every(i => i.complete && i.naturalWidth > 0);"));
    screenshot("training.png");
    assertThat(js("return window.lczMark;")).isEqualTo("no reload");
  }

  @Test
  @Order(2)
  void aSceneUploadedThroughThePageIsMappedAndDrawnWhereItLiesWithTheLegendOfItsClasses()
      throws Exception {
    browser.findElement(By.id("nav-scenes")).click();
    browser.findElement(By.id("upload-file")).sendKeys(world.scene().toAbsolutePath().toString());
    await(
        "the upload is received",
        Duration.ofSeconds(60),
        b -> text("upload-message").contains("received as scene"));
    String sceneId = text("upload-message").replaceAll(".* received as scene (\\S+)$", "$1");
    await(
        "scene " + sceneId + " done",
        MAPPING,
        b -> "done".equals(attribute("#scene-view", "data-state")));
    await(
        "the scene list shows it done",
        Duration.ofSeconds(30),
        b ->
            "done".equals(attribute("#scene-list li[data-scene='" + sceneId + "']", "data-state")));

    // the page links the scene's STAC Item in the STAC API; the Item's map asset can be fetched
    // (the page shows "done" from SceneMapCompleted; the Item is in /stac within 10 s of it)
    String stacHref = browser.findElement(By.cssSelector("#products a.stac")).getAttribute("href");
    JsonNode item =
        awaitValue(
            "the scene's STAC Item in /stac",
            Duration.ofSeconds(10),
            () -> get(stacHref).statusCode() == 200 ? getJson(stacHref) : null);
    assertThat(item.get("id").asText()).isEqualTo(sceneId + "-lcz");
    assertThat(item.get("collection").asText()).isEqualTo("lcz-scene-maps");
    assertThat(get(item.at("/assets/map/href").asText()).statusCode()).isEqualTo(200);

    // a region over the scene: the Regions page shows its first version, linked to its STAC
    // Collection, without a reload
    JsonNode bbox = item.get("bbox");
    String region = "web-" + sceneId.substring(0, Math.min(8, sceneId.length())).toLowerCase();
    HttpResponse<String> defined =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "regions"))
                    .header("Authorization", "Bearer " + launcher.apiKey())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \""
                                + region
                                + "\", \"models\": \"any\", \"outline\": "
                                + bbox
                                + "}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
    browser.findElement(By.id("nav-regions")).click();
    String regionRow = "#regions tr[data-region='" + region + "']";
    await(
        "region " + region + " version 1 on the page",
        MAPPING,
        b -> {
          List<WebElement> cells = b.findElements(By.cssSelector(regionRow + " td"));
          return cells.size() >= 4 && cells.get(3).getText().equals("1");
        });
    String collectionHref =
        browser.findElement(By.cssSelector(regionRow + " a.stac")).getAttribute("href");
    JsonNode collection = getJson(collectionHref);
    assertThat(collection.get("id").asText()).isEqualTo("lcz-region-" + region);
    assertThat(collection.get("lcz:items").asInt()).isEqualTo(1);

    // its fused map: every cell the scene covers observed once, all members agreeing; drawn in the
    // layers' ramps, the ramp shown as the legend
    browser.findElement(By.cssSelector(regionRow + " th")).click();
    await(
        "the region's map with its observations layer",
        Duration.ofSeconds(30),
        b ->
            !b.findElements(By.cssSelector("#region-layer-choice input[value='observations']"))
                .isEmpty());
    assertThat(browser.findElements(By.cssSelector("#region-layer-choice input")))
        .extracting(e -> e.getAttribute("value"))
        .containsExactly("lczFilter", "lcz", "confidence", "observations", "agreement");
    browser.findElement(By.cssSelector("#region-layer-choice input[value='observations']")).click();
    assertThat(browser.findElements(By.cssSelector("#region-ramp li")))
        .extracting(e -> e.getText().trim())
        .containsExactly("1", "2", "3", "4", "5", "6", "7 or more");
    Map<Integer, String> observations = Map.of(0xC7E9B4, "1", 0x7FCDBB, "2", 0x41B6C4, "3");
    assertThat(awaitRegionColours("observations once", observations, "1")).containsOnlyKeys("1");
    browser.findElement(By.cssSelector("#region-layer-choice input[value='agreement']")).click();
    Map<Integer, String> agreement =
        Map.of(
            0xD7191C, "0-20", 0xFDAE61, "20-40", 0xFFFFBF, "40-60", 0xA6D96A, "60-80", 0x1A9641,
            "80-100");
    assertThat(awaitRegionColours("agreement 80-100 %", agreement, "80-100"))
        .containsOnlyKeys("80-100");

    // the scene again, under another name: a second member; the page draws version 2 by itself
    browser.findElement(By.cssSelector("#region-layer-choice input[value='observations']")).click();
    HttpResponse<String> again =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "scenes?name=again.tif"))
                    .header("Authorization", "Bearer " + launcher.apiKey())
                    .header("Content-Type", "image/tiff")
                    .POST(HttpRequest.BodyPublishers.ofFile(world.scene()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
    await(
        "region " + region + " version 2 on the page",
        MAPPING,
        b -> {
          List<WebElement> cells = b.findElements(By.cssSelector(regionRow + " td"));
          return cells.size() >= 4 && cells.get(3).getText().equals("2");
        });
    assertThat(awaitRegionColours("observations twice", observations, "2")).containsOnlyKeys("2");
    // as a person first sees it (the README's screenshot): the fused, filtered map
    browser.findElement(By.cssSelector("#region-layer-choice input[value='lczFilter']")).click();
    Thread.sleep(1000); // let OpenLayers draw it before the picture is taken
    screenshot("region-map.png");
    browser.findElement(By.id("nav-scenes")).click();

    // the map opaque (by keyboard) and its raw layer, whose colours are exactly the palette's
    WebElement opacity = browser.findElement(By.id("opacity"));
    opacity.sendKeys(Keys.END);
    assertThat(opacity.getAttribute("value")).isEqualTo("100");
    browser.findElement(By.cssSelector("#layer-choice input[value='lcz']")).click();

    Set<String> legend = new TreeSet<>();
    for (WebElement row : browser.findElements(By.cssSelector("#legend tbody tr"))) {
      legend.add(row.getAttribute("data-class"));
    }
    Path map = dir.resolve("lcz.tif");
    try (ObjectStore store = launcher.stack().newObjectStore()) {
      store.download(ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId + "/lcz.tif"), map);
    }
    Set<String> inMap = classesByGdal(map);
    assertThat(legend)
        .as("the legend lists the classes of the raw and filtered map")
        .isEqualTo(inMap);
    assertThat(legend.size()).isGreaterThan(3);

    Map<Integer, String> palette = new HashMap<>();
    for (LczClass c : LczCatalog.standard().classes()) {
      palette.put(c.rgb(), c.code());
    }
    int[] rect = sceneRectangle();
    Counts counts =
        awaitValue(
            "the map drawn in LCZ colours",
            Duration.ofSeconds(30),
            () -> {
              Counts c = count(screenshot("scene-view-opaque.png"), rect, palette);
              return c.insideShare() >= 0.95 ? c : null;
            });
    assertThat(counts.outsideShare()).as("LCZ colours outside the scene's extent").isLessThan(0.01);
    Set<String> drawn = new TreeSet<>();
    counts.byClass.forEach(
        (code, n) -> {
          if (n > 0.01 * counts.inside) {
            drawn.add(code);
          }
        });
    assertThat(inMap).as("every class drawn is in the map").containsAll(drawn);
    assertThat(drawn.size()).isGreaterThan(3);

    // as a person first sees it (the README's screenshot): the filtered map over the quicklook
    browser.findElement(By.cssSelector("#layer-choice input[value='lczFilter']")).click();
    for (int i = 0; i < 3; i++) {
      opacity.sendKeys(Keys.PAGE_DOWN);
    }
    Thread.sleep(1000); // let OpenLayers draw the new opacity before the picture is taken
    screenshot("scene-view.png");
    assertThat(js("return window.lczMark;")).isEqualTo("no reload");
  }

  @Test
  @Order(3)
  void afterTheServiceRestartsThePageReconnectsAndShowsWhatHappenedMeanwhile() throws Exception {
    launcher.stopService("ingest-service");
    await(
        "the page notices",
        Duration.ofSeconds(60),
        b -> "reconnecting".equals(attribute("#connection", "data-state")));
    try (ObjectStore store = launcher.stack().newObjectStore()) {
      store.put(Buckets.INBOX, "web/while-down.tif", world.areasScene(), "image/tiff");
    }
    launcher.startService("ingest-service");
    await(
        "the page is live again",
        Duration.ofSeconds(60),
        b -> "live".equals(attribute("#connection", "data-state")));
    await(
        "the scene dropped while the service was down, done",
        MAPPING,
        b ->
            b.findElements(By.cssSelector("#scene-list li[data-state='done']")).stream()
                .anyMatch(li -> li.getText().contains("while-down.tif")));
    assertThat(js("return window.lczMark;")).isEqualTo("no reload");
  }

  /** The scene's extent on the page, in screenshot pixels: left, top, right, bottom. */
  private int[] sceneRectangle() {
    return rectangle("page.map", "page.view.extent", "map");
  }

  /**
   * An extent on the page and its map's element, in screenshot pixels: the extent's left, top,
   * right, bottom, then the element's.
   *
   * @param map the OpenLayers map (a script expression)
   * @param extent the extent in map units (a script expression)
   * @param element the map's element id
   */
  private int[] rectangle(String map, String extent, String element) {
    @SuppressWarnings("unchecked")
    List<Number> r =
        (List<Number>)
            js(
                "const e = "
                    + extent
                    + "; const m = "
                    + map
                    + "; const a = m.getPixelFromCoordinate([e[0], e[3]]);"
                    + " const b = m.getPixelFromCoordinate([e[2], e[1]]);"
                    + " const box = document.getElementById('"
                    + element
                    + "').getBoundingClientRect();"
                    + " return [box.left + a[0], box.top + a[1], box.left + b[0], box.top + b[1],"
                    + " box.left, box.top, box.right, box.bottom];");
    int[] out = new int[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (int) Math.round(r.get(i).doubleValue());
    }
    return out;
  }

  /**
   * Waits until the region map shows mostly {@code expected} (of the colours in {@code ramp}) over
   * the region's rectangle; returns how many pixels there are of each colour of the ramp.
   */
  private Map<String, Integer> awaitRegionColours(
      String what, Map<Integer, String> ramp, String expected) throws Exception {
    return awaitValue(
        "the region map drawn: " + what,
        Duration.ofSeconds(30),
        () -> {
          Counts c =
              count(
                  screenshot("region-" + expected + ".png"),
                  rectangle("regionMap.state.map", "regionMap.state.extent", "region-map"),
                  ramp);
          return c.insideShare() >= 0.8 && c.byClass.containsKey(expected) ? c.byClass : null;
        });
  }

  /** Pixels in LCZ colours inside the scene's rectangle (2 px in) and in the map around it. */
  private record Counts(
      int inside, int insideLcz, int outside, int outsideLcz, Map<String, Integer> byClass) {
    double insideShare() {
      return inside == 0 ? 0 : (double) insideLcz / inside;
    }

    double outsideShare() {
      return outside == 0 ? 0 : (double) outsideLcz / outside;
    }
  }

  private static Counts count(BufferedImage shot, int[] r, Map<Integer, String> palette) {
    int inside = 0;
    int insideLcz = 0;
    int outside = 0;
    int outsideLcz = 0;
    Map<String, Integer> byClass = new HashMap<>();
    for (int y = r[5] + 1; y < r[7] - 1 && y < shot.getHeight(); y++) {
      for (int x = r[4] + 1; x < r[6] - 1 && x < shot.getWidth(); x++) {
        String code = palette.get(shot.getRGB(x, y) & 0xFFFFFF);
        boolean in = x >= r[0] + 2 && x < r[2] - 2 && y >= r[1] + 2 && y < r[3] - 2;
        boolean edge = !in && x >= r[0] - 2 && x < r[2] + 2 && y >= r[1] - 2 && y < r[3] + 2;
        if (in) {
          inside++;
          if (code != null) {
            insideLcz++;
            byClass.merge(code, 1, Integer::sum);
          }
        } else if (!edge && !overControls(x, y, r)) {
          outside++;
          outsideLcz += code == null ? 0 : 1;
        }
      }
    }
    return new Counts(inside, insideLcz, outside, outsideLcz, byClass);
  }

  /**
   * OpenLayers' zoom buttons (top left), attribution (bottom right) and scale line (bottom left).
   */
  private static boolean overControls(int x, int y, int[] r) {
    return (x < r[4] + 50 && y < r[5] + 70) || y > r[7] - 40;
  }

  /** The LCZ codes of the values GDAL reads in the map's bands 1 (lcz) and 2 (lczFilter). */
  private static Set<String> classesByGdal(Path map) throws Exception {
    String script =
        "import numpy, sys\n"
            + "from osgeo import gdal\n"
            + "ds = gdal.Open(sys.argv[1])\n"
            + "values = set()\n"
            + "for b in (1, 2):\n"
            + "    band = ds.GetRasterBand(b)\n"
            + "    values |= set(int(v) for v in numpy.unique(band.ReadAsArray()))\n"
            + "print(' '.join(str(v) for v in sorted(values)))\n";
    Process p =
        new ProcessBuilder("/usr/bin/python3", "-c", script, map.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    Set<String> codes = new TreeSet<>();
    for (String v : out.split("\\s+")) {
      int value = Integer.parseInt(v);
      if (value >= 1 && value <= 17) {
        codes.add(LczCatalog.standard().byValue(value).code());
      }
    }
    return codes;
  }

  private BufferedImage screenshot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(shots.resolve(name), png);
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode getJson(String url) throws Exception {
    HttpResponse<String> r = get(url);
    assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private String attribute(String css, String name) {
    List<WebElement> found = browser.findElements(By.cssSelector(css));
    return found.isEmpty() ? null : found.get(0).getAttribute(name);
  }

  private List<String> options(String id) {
    List<String> texts = new ArrayList<>();
    for (WebElement o : browser.findElements(By.cssSelector("#" + id + " option"))) {
      texts.add(o.getText());
    }
    return texts;
  }

  private void await(String what, Duration timeout, Function<WebDriver, Boolean> condition)
      throws Exception {
    awaitValue(what, timeout, () -> condition.apply(browser) ? Boolean.TRUE : null);
  }

  private interface Check<T> {
    T get() throws Exception;
  }

  private <T> T awaitValue(String what, Duration timeout, Check<T> check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = check.get();
        if (value != null) {
          return value;
        }
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        last = e; // the page re-rendered a list while it was read
      }
      Thread.sleep(250);
    }
    screenshot("timeout.png");
    throw new AssertionError(
        "waited "
            + timeout.toSeconds()
            + " s for "
            + what
            + " (screenshot: "
            + shots.resolve("timeout.png").toAbsolutePath()
            + ")",
        last);
  }
}
