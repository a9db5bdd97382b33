/** Scene maps from map tiles: the Cloud-Optimized GeoTIFF, the preview and the STAC Item. */
package org.lcz.inference.assembly;
