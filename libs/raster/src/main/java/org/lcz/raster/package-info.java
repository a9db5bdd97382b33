/**
 * Reading georeferenced rasters (GeoTIFF through Apache SIS), with guards against silent errors.
 */
package org.lcz.raster;
