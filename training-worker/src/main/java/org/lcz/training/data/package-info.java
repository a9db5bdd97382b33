/** HDF5 patch data sets (MSMLA and So2Sat LCZ42 layouts), read batch by batch. */
package org.lcz.training.data;
