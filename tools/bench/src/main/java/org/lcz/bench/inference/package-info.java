/** The inference benchmark: the worker end to end against ONNX Runtime alone. */
package org.lcz.bench.inference;
