package org.lcz.raster;

import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;

/** Some bands of a source, in a given order, under given names; everything else as the source. */
public final class SelectedBands extends RasterView {
  private final int[] index;
  private final List<String> names;

  /**
   * @param index for each band of this view, its index in {@code source}
   * @param names the bands' names in this view
   */
  public SelectedBands(RasterSource source, int[] index, List<String> names) {
    super(source);
    if (index.length != names.size()) {
      throw new IllegalArgumentException(index.length + " bands but " + names.size() + " names");
    }
    this.index = index.clone();
    this.names = List.copyOf(names);
  }

  /** The source's bands at {@code index}, keeping their names. */
  public static SelectedBands of(RasterSource source, int[] index) {
    List<String> n = new ArrayList<>();
    for (int i : index) {
      n.add(source.bandNames().get(i));
    }
    return new SelectedBands(source, index, n);
  }

  @Override
  public List<String> bandNames() {
    return names;
  }

  @Override
  public Raster read(int x, int y, int w, int h) {
    Raster all = source.read(x, y, w, h);
    return all.createChild(all.getMinX(), all.getMinY(), w, h, 0, 0, index);
  }
}
