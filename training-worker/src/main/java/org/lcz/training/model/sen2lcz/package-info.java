/**
 * Sen2LCZ-Net-MF (Qiu, Mou, Schmitt &amp; Zhu 2020, "Multilevel Feature Fusion-Based CNN for Local
 * Climate Zone Classification From Sentinel-2 Images: Benchmark Results on the So2Sat LCZ42
 * Dataset", IEEE JSTARS 13, doi:10.1109/JSTARS.2020.2995711), the benchmark network of the So2Sat
 * LCZ42 paper, as a second architecture beside MSMLA.
 */
package org.lcz.training.model.sen2lcz;
