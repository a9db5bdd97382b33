/** ONNX export of trained MSMLA networks, written with ONNX's own protobuf schema. */
package org.lcz.training.onnx;
