package org.lcz.training.card;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lcz.scheme.AreaBootstrap;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.scheme.LczCatalog;
import org.lcz.training.train.EpochStats;

/** PNG plots of a training run, drawn with JFreeChart (headless). */
public final class TrainingPlots {
  /** File name of the training curves in a model version's folder. */
  public static final String CURVES = "training-curves.png";

  /** File name of the confusion matrix in a model version's folder. */
  public static final String CONFUSION = "confusion-matrix.png";

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private TrainingPlots() {}

  /** Loss (top) and training/validation OA (bottom) per epoch; the best epoch marked. */
  public static Path curves(List<EpochStats> history, int bestEpoch, Path file) {
    XYSeries loss = new XYSeries("training loss");
    XYSeries trainOa = new XYSeries("training OA");
    XYSeries validationOa = new XYSeries("validation OA");
    for (EpochStats s : history) {
      loss.add(s.epoch(), s.loss());
      trainOa.add(s.epoch(), s.trainOa());
      validationOa.add(s.epoch(), s.validationOa());
    }
    XYPlot lossPlot =
        new XYPlot(
            new XYSeriesCollection(loss), null, new NumberAxis("loss"), renderer(Color.BLACK));
    XYSeriesCollection oa = new XYSeriesCollection(trainOa);
    oa.addSeries(validationOa);
    NumberAxis oaAxis = new NumberAxis("overall accuracy");
    oaAxis.setRange(0, 1.02);
    XYPlot oaPlot =
        new XYPlot(oa, null, oaAxis, renderer(new Color(0x1f77b4), new Color(0xd62728)));
    EpochStats best = history.get(bestEpoch - 1);
    oaPlot.addAnnotation(
        new XYTextAnnotation(
            String.format(Locale.ROOT, "best: epoch %d, %.3f", bestEpoch, best.validationOa()),
            bestEpoch,
            Math.max(0.05, best.validationOa() - 0.08)));
    NumberAxis epochs = new NumberAxis("epoch");
    epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
    plot.add(lossPlot, 1);
    plot.add(oaPlot, 1);
    JFreeChart chart = new JFreeChart("Training", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return save(chart, file, 900, 700);
  }

  private static XYLineAndShapeRenderer renderer(Color... colours) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < colours.length; i++) {
      r.setSeriesPaint(i, colours[i]);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    return r;
  }

  /**
   * The confusion matrix as a heat map of row fractions (recall per true class), each cell labelled
   * with its count; true classes top to bottom, predictions left to right, by LCZ code.
   */
  public static Path confusion(ConfusionMatrix cm, LczCatalog catalog, String title, Path file) {
    int n = cm.size();
    String[] codes = new String[n];
    for (int k = 0; k < n; k++) {
      codes[k] = catalog.byValue(k + 1).code();
    }
    double[][] xyz = new double[3][n * n];
    for (int t = 0; t < n; t++) {
      long support = cm.support(t);
      for (int p = 0; p < n; p++) {
        int i = t * n + p;
        xyz[0][i] = p;
        xyz[1][i] = t;
        xyz[2][i] = support == 0 ? 0 : (double) cm.count(t, p) / support;
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("fraction of true class", xyz);
    LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.WHITE);
    for (int step = 0; step <= 20; step++) {
      double f = step / 20.0; // double, as the fractions are: 0.8f > 0.8 would show 0.75's colour
      scale.add(
          f, new Color((float) (1 - 0.85 * f), (float) (1 - 0.55 * f), (float) (1 - 0.2 * f)));
    }
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    SymbolAxis predicted = new SymbolAxis("predicted LCZ", codes);
    SymbolAxis truth = new SymbolAxis("true LCZ", codes);
    truth.setInverted(true);
    XYPlot plot = new XYPlot(data, predicted, truth, renderer);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    for (int t = 0; t < n; t++) {
      for (int p = 0; p < n; p++) {
        long count = cm.count(t, p);
        if (count > 0) {
          XYTextAnnotation label = new XYTextAnnotation(Long.toString(count), p, t);
          label.setFont(small);
          label.setPaint(xyz[2][t * n + p] > 0.6 ? Color.WHITE : Color.BLACK);
          plot.addAnnotation(label);
        }
      }
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis legendAxis = new NumberAxis("fraction of the true class");
    legendAxis.setRange(0, 1);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    chart.addSubtitle(legend);
    chart.setBackgroundPaint(Color.WHITE);
    return save(chart, file, 820, 760);
  }

  /** The file of the held-out areas' box plot. */
  public static final String AREA_BOXPLOT = "accuracy-by-area.png";

  /**
   * Box plots of OA, OA_u, OA_bu, OA_w and each class's F1 over the held-out areas' repeats, as the
   * LCZ Generator's factsheet shows them (box: quartiles; whiskers: 1.5 × IQR).
   */
  public static Path areaBoxplot(AreaBootstrap.Result r, String title, Path file) {
    DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("oa", "OA");
    labels.put("oaU", "OA_u");
    labels.put("oaBu", "OA_bu");
    labels.put("oaW", "OA_w");
    labels.forEach((name, label) -> data.add(values(r.measures().get(name)), "overall", label));
    LczCatalog catalog = LczCatalog.standard();
    r.f1().forEach((c, s) -> data.add(values(s), "F1", "F1 " + catalog.byValue(c).code()));
    BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
    renderer.setMeanVisible(false);
    renderer.setMaxOutlierVisible(true);
    renderer.setMinOutlierVisible(true);
    renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
    renderer.setSeriesPaint(1, new Color(0xff, 0x7f, 0x0e));
    NumberAxis value = new NumberAxis("value over " + r.repeats() + " repeats");
    value.setRange(0, 1.0);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), value, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return save(chart, file, Math.max(640, 90 * (4 + r.f1().size())), 480);
  }

  private static List<Double> values(AreaBootstrap.Spread s) {
    List<Double> v = new ArrayList<>(s.values().length);
    for (double d : s.values()) {
      v.add(d);
    }
    return v;
  }

  private static Path save(JFreeChart chart, Path file, int width, int height) {
    try {
      ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
