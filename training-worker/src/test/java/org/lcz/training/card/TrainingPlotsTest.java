package org.lcz.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.scheme.LczCatalog;
import org.lcz.training.train.TrainingOutcome;

class TrainingPlotsTest {
  private static int colours(BufferedImage image) {
    Set<Integer> rgb = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        rgb.add(image.getRGB(x, y));
      }
    }
    return rgb.size();
  }

  /** Pixels of exactly colour {@code rgb}. */
  private static int pixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void theCurvesAreAPngWithTheSeriesDrawn(@TempDir Path dir) throws Exception {
    TrainingOutcome o = Outcomes.sample(dir.resolve("x.params"));
    Path png = TrainingPlots.curves(o.history(), o.bestEpoch(), dir.resolve("curves.png"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(700);
    assertThat(colours(image)).isGreaterThan(20);
    // both accuracy series are drawn in their colours, and the loss in black
    assertThat(pixels(image, 0x1f77b4)).as("training OA").isGreaterThan(100);
    assertThat(pixels(image, 0xd62728)).as("validation OA").isGreaterThan(100);
    assertThat(pixels(image, 0x000000)).as("loss and text").isGreaterThan(100);
  }

  @Test
  void theConfusionMatrixIsAPngHeatMap(@TempDir Path dir) throws Exception {
    TrainingOutcome o = Outcomes.sample(dir.resolve("x.params"));
    Path png =
        TrainingPlots.confusion(
            o.evaluation(), LczCatalog.standard(), "test", dir.resolve("cm.png"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(820);
    // each row fraction is drawn as a cell of its colour on the scale (1 − 0.85f, 1 − 0.55f,
    // 1 − 0.2f), worked by hand; a cell is ~1,400 pixels, the legend shows each colour on ~440
    assertThat(pixels(image, 0x528fd6)).as("LCZ 1 → 1: 8 of 10 = 0.8").isGreaterThan(1200);
    assertThat(pixels(image, 0x3c81d1)).as("LCZ A → A: 9 of 10 = 0.9").isGreaterThan(1200);
    assertThat(pixels(image, 0xd4e3f5)).as("LCZ 1 → 2: 0.2").isGreaterThan(1200);
    assertThat(pixels(image, 0xe9f1fa)).as("LCZ A → 2: 0.1").isGreaterThan(1200);
    assertThat(pixels(image, 0x2673cc)).as("three rows of 1.0").isGreaterThan(3 * 1200);
  }
}
