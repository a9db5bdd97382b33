/** Typed configuration of the inference worker. */
package org.lcz.inference.config;
