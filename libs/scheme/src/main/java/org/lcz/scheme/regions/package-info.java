/**
 * Regions: a place users want one LCZ map of (a city, a WRF domain), as an outline in longitude and
 * latitude ({@link org.lcz.scheme.regions.RegionOutline}) and the grid its maps are made on ({@link
 * org.lcz.scheme.regions.RegionGrid}).
 */
package org.lcz.scheme.regions;
