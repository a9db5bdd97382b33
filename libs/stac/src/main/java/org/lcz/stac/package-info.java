/**
 * STAC, both ways: Items read as the catalogues in use write them ({@link StacItemDocument}: Earth
 * Search, Planetary Computer, the Copernicus Data Space's STAC 1.1), and the platform's own Items
 * kept searchable ({@link StacCatalogue}, {@link StacQuery}), written as a static catalog ({@link
 * StaticCatalog}) and as documents ({@link StacDocuments}, {@link ModelItem} for models).
 */
package org.lcz.stac;
