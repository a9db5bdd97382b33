/**
 * Training areas in the WUDAPT form: polygons labelled with LCZ classes, read from KML/KMZ (one
 * Folder per class) or GeoJSON ({@link TrainingAreaFiles}), in any of the codings people use
 * ({@link LczLabel}), and checked before they become training data ({@link AreaQc}). Geometry with
 * JTS, coordinate operations with Apache SIS.
 */
package org.lcz.scheme.areas;
