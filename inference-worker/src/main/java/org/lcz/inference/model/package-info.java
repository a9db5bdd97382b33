/**
 * Running the current ONNX model: ONNX Runtime's own Java API ({@code OrtSession}), on the GPU when
 * present (DJL only tells whether CUDA is there), with the CPU as the logged fallback.
 */
package org.lcz.inference.model;
