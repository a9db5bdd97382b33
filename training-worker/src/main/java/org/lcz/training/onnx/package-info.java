/** ONNX export of trained networks, written with ONNX's own protobuf schema. */
package org.lcz.training.onnx;
