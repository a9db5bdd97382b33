package org.lcz.scheme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 17×17 similarity weights of the weighted accuracy OA_w (Bechtel et al.), read from {@code
 * oaw-weights.csv} (a copy of the project's shared {@code lcz/oaw-weights.csv}). Row = true class,
 * column = predicted class, both in value order.
 */
public final class SimilarityWeights {
  private static final SimilarityWeights STANDARD = load("oaw-weights.csv");

  private final double[][] weights;

  private SimilarityWeights(double[][] weights) {
    this.weights = weights;
  }

  /** The standard weights for the 17 classes. */
  public static SimilarityWeights standard() {
    return STANDARD;
  }

  /** The number of classes. */
  public int size() {
    return weights.length;
  }

  /** The weight of predicting class index {@code predicted} for class index {@code truth}. */
  public double weight(int truth, int predicted) {
    return weights[truth][predicted];
  }

  private static SimilarityWeights load(String resource) {
    try (InputStream in = SimilarityWeights.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<double[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          String[] cells = line.split(",");
          double[] row = new double[cells.length];
          for (int i = 0; i < cells.length; i++) {
            row[i] = Double.parseDouble(cells[i].trim());
          }
          rows.add(row);
        }
      }
      double[][] w = rows.toArray(double[][]::new);
      for (double[] row : w) {
        if (row.length != w.length) {
          throw new IllegalStateException(resource + " is not square");
        }
      }
      return new SimilarityWeights(w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
