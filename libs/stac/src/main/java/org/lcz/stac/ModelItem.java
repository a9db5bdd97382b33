package org.lcz.stac;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;
import org.lcz.storage.ObjectRef;

/**
 * A published model version as a STAC Item of STAC's Machine Learning Model extension (mlm): the
 * ONNX network as the {@code mlm:model} asset, its input contract (bands, patch size, scaling by
 * the training set's band means and standard deviations) as {@code mlm:input}, the LCZ classes it
 * scores as {@code mlm:output} with the classification extension's classes, the card and its
 * measures. A model has no footprint of its own: {@code geometry} is null and {@code datetime} is
 * when it was published.
 */
public final class ModelItem {
  static final String MLM = "https://stac-extensions.github.io/mlm/v1.4.0/schema.json";
  static final String RASTER = "https://stac-extensions.github.io/raster/v1.1.0/schema.json";
  static final String CLASSIFICATION =
      "https://stac-extensions.github.io/classification/v1.1.0/schema.json";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ModelItem() {}

  /** The Item of a published model version. */
  public static ObjectNode of(ModelPublished m) {
    ModelContract c = m.contract();
    ObjectNode item = JSON.createObjectNode();
    item.put("type", "Feature");
    item.put("stac_version", "1.0.0");
    item.putArray("stac_extensions").add(MLM).add(RASTER).add(CLASSIFICATION);
    item.put("id", id(m.version()));
    item.putNull("geometry");
    ObjectNode p = item.putObject("properties");
    p.put("datetime", m.publishedAt().toString());
    p.put("created", c.createdAt().toString());
    p.put("title", "LCZ model " + m.modelName() + " " + m.version());
    p.put(
        "description",
        String.format(
            Locale.ROOT,
            "%s trained on %d bands at %.0f m, %d px patches; OA_w %.4f; %s",
            c.architecture(),
            c.bands().size(),
            c.groundSampleDistance(),
            c.patchSize(),
            m.oaW(),
            m.decision()));
    p.put("mlm:name", m.modelName() + "-" + m.version());
    p.put("mlm:architecture", c.architecture());
    p.putArray("mlm:tasks").add("classification").add("semantic-segmentation");
    p.put("mlm:framework", "ONNX");
    p.put("mlm:accelerator", "amd64");
    p.put("mlm:accelerator_constrained", false);
    ObjectNode input = p.putArray("mlm:input").addObject();
    input.put("name", "patches of " + c.bands().size() + " bands");
    ArrayNode bands = input.putArray("bands");
    c.bands().forEach(bands::add);
    ObjectNode shape = input.putObject("input");
    shape.putArray("shape").add(-1).add(c.bands().size()).add(c.patchSize()).add(c.patchSize());
    shape.putArray("dim_order").add("batch").add("channel").add("height").add("width");
    shape.put("data_type", "float32");
    ArrayNode norm = input.putArray("value_scaling");
    for (int i = 0; i < c.bands().size(); i++) {
      norm.addObject()
          .put("type", "z-score")
          .put("mean", c.bandMeans().get(i))
          .put("stddev", c.bandStds().get(i));
    }
    input.putNull("resize_type");
    if (c.radiometry() != null) {
      input.set("lcz:radiometry", JSON.valueToTree(c.radiometry()));
    }
    ObjectNode output = p.putArray("mlm:output").addObject();
    output.put("name", "LCZ class probabilities");
    output.putArray("tasks").add("classification");
    ObjectNode result = output.putObject("result");
    result.putArray("shape").add(-1).add(c.classValues().size());
    result.putArray("dim_order").add("batch").add("class");
    result.put("data_type", "float32");
    ArrayNode classes = output.putArray("classification:classes");
    LczCatalog catalog = LczCatalog.standard();
    for (int i = 0; i < c.classValues().size(); i++) {
      int value = c.classValues().get(i);
      String code = c.classCodes().get(i);
      ObjectNode k = classes.addObject().put("value", value).put("name", code);
      LczClass lcz = null;
      try {
        lcz = catalog.byValue(value);
      } catch (RuntimeException e) {
        // a class outside the standard scheme: described by its code
      }
      k.put("description", lcz == null ? "class " + code : "LCZ " + code + ": " + lcz.name());
      if (lcz != null) {
        k.put("color_hint", lcz.hex().replace("#", ""));
      }
    }
    output.putNull("post_processing_function");
    p.put("lcz:model_version", m.version());
    p.put("lcz:promoted", m.promoted());
    p.put("lcz:decision", m.decision());
    p.put("lcz:oa_w", m.oaW());
    if (m.championOaW() != null) {
      p.put("lcz:champion_oa_w", m.championOaW());
    }
    if (c.measures() != null && !c.measures().isEmpty()) {
      ObjectNode measures = p.putObject("lcz:measures");
      c.measures().forEach(measures::put);
    }
    ObjectNode assets = item.putObject("assets");
    ObjectNode model =
        asset(
                assets,
                "model",
                m.model(),
                "application/octet-stream; application=onnx",
                "ONNX model")
            .put("mlm:artifact_type", "onnx");
    model.putArray("roles").add("mlm:model").add("data");
    // the input bands, named as mlm:input names them (MLM asks for them through raster:bands)
    ArrayNode rasterBands = model.putArray("raster:bands");
    c.bands().forEach(b -> rasterBands.addObject().put("name", b).put("data_type", "float32"));
    asset(assets, "card", m.card(), "application/json", "Model card (model.json)")
        .putArray("roles")
        .add("metadata");
    item.putArray("links");
    return item;
  }

  /** A model version's Item id. */
  public static String id(String version) {
    return "model-" + version;
  }

  private static ObjectNode asset(
      ObjectNode assets, String key, ObjectRef ref, String type, String title) {
    return assets.putObject(key).put("href", ref.uri()).put("type", type).put("title", title);
  }
}
