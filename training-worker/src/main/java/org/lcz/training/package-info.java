/** The training worker: HDF5 patch data sets in, trained and evaluated MSMLA models out. */
package org.lcz.training;
