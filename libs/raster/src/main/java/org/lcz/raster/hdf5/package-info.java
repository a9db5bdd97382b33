/** Writing HDF5 files with jHDF, fast: its writes gathered into large blocks. */
package org.lcz.raster.hdf5;
