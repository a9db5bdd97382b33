package org.lcz.raster;

import java.util.Set;

/**
 * Refuses TIFF encodings that Apache SIS 1.6 reads wrongly or not at all, before any pixel is read:
 * a wrong pixel must never pass silently. Measured: SIS 1.6 reads uncompressed, LZW, DEFLATE and
 * PackBits data correctly; it returns <em>wrong pixels without an error</em> when the horizontal
 * predictor is used with internal tiles wider than the image (small COGs written with a predictor);
 * it does not support the floating-point predictor, ZSTD, LZMA, WEBP or JPEG.
 */
final class EncodingGuard {
  static final Set<String> COMPRESSIONS = Set.of("NONE", "LZW", "DEFLATE", "PACKBITS");

  /**
   * The most one internal tile or strip may take once decoded. A window read decodes whole blocks,
   * so a file declaring one huge strip (a decompression bomb, or an untiled giant) is refused
   * before any pixel is read.
   */
  static final long MAX_BLOCK_BYTES = 256L << 20;

  private EncodingGuard() {}

  /** Throws a {@link RasterException} naming {@code file} if its encoding is not readable. */
  static void check(String file, TiffTags t) {
    if (!COMPRESSIONS.contains(t.compression())) {
      throw new RasterException(
          file
              + ": compression "
              + name(t.compression())
              + " is not supported; re-encode with LZW, DEFLATE, PackBits or none, e.g."
              + " gdal_translate -co COMPRESS=DEFLATE in.tif out.tif");
    }
    if (t.predictor().equals("FLOAT") || t.predictor().equals("3")) {
      throw new RasterException(
          file
              + ": the floating-point predictor (PREDICTOR=3) is not supported; re-encode with"
              + " PREDICTOR=2 or without a predictor");
    }
    boolean horizontal =
        t.predictor().equals("HORIZONTAL_DIFFERENCING") || t.predictor().equals("2");
    if (horizontal && t.tileWidth() > t.width()) {
      throw new RasterException(
          file
              + ": internal tiles ("
              + t.tileWidth()
              + " px) wider than the image ("
              + t.width()
              + " px) with the horizontal predictor cannot be read reliably; re-encode with"
              + " smaller tiles, strips, or without a predictor");
    }
  }

  /** Throws a {@link RasterException} if one block of {@code file} decodes to too many bytes. */
  static void checkBlocks(String file, TiffTags t, int bands) {
    long bytes = t.decodedBlockBytes(bands);
    if (bytes > MAX_BLOCK_BYTES) {
      throw new RasterException(
          file
              + ": one internal "
              + (t.tileWidth() > 0 ? "tile" : "strip")
              + " decodes to "
              + bytes / (1 << 20)
              + " MB (more than "
              + MAX_BLOCK_BYTES / (1 << 20)
              + " MB); re-encode it with internal tiles, e.g. gdal_translate -co TILED=YES"
              + " -co COMPRESS=DEFLATE in.tif out.tif");
    }
  }

  private static String name(String compression) {
    return switch (compression) {
      case "50000" -> "ZSTD (50000)";
      case "34925" -> "LZMA (34925)";
      case "50001" -> "WEBP (50001)";
      default -> compression;
    };
  }
}
