/** The model registry: which model version is current, and its verified ONNX file. */
package org.lcz.registry;
