/** LCZ map tiles: classifying a tile's cells and writing the result as a GeoTIFF. */
package org.lcz.inference.map;
