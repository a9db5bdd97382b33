/** Running the current ONNX model: ONNX Runtime through DJL, on the GPU when present. */
package org.lcz.inference.model;
