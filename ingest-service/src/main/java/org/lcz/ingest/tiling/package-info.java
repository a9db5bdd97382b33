/** Scenes cut into georeferenced tiles with a halo, stored with their manifest. */
package org.lcz.ingest.tiling;
