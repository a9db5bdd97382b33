/** The output grid in map cells and the model-sized patches centred on them. */
package org.lcz.inference.window;
