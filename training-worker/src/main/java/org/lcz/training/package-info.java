/** The training worker: HDF5 patch data sets in, trained and evaluated LCZ models out. */
package org.lcz.training;
