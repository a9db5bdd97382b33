/**
 * The one preprocessing contract of training and inference: band matching by name, radiometry
 * (declared, detected and converted) and per-band normalisation with its nodata and std-0 rules.
 */
package org.lcz.contract;
