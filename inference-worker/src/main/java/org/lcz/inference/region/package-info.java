/**
 * Maps of places: every scene map that meets a region is routed to the region ({@link
 * org.lcz.inference.region.RegionRouter}), and the region's owner fuses its members into the
 * region's next map version ({@link org.lcz.inference.region.RegionFuser}, {@link
 * org.lcz.inference.region.RegionFusion}, {@link org.lcz.inference.region.RegionAssembler}).
 */
package org.lcz.inference.region;
