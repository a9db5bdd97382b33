/** MSMLA, the multi-scale, multi-level attention network of Kim, Jeong and Kim (2021), in DJL. */
package org.lcz.training.model;
