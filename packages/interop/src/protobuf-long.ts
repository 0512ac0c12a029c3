// protobufjs 6 (under onnx-proto) looks for long.js by a dynamic require from its own folder, which
// finds whichever `long` the package manager hoisted (long 5 is ESM-first, and under some loaders,
// vitest's among them, that require returns a module namespace instead of the class). Handing it
// long 4, the version protobufjs 6 declares, before onnx-proto's generated code loads makes int64
// fields work the same in every loader.
import Long from 'long';
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = Long;
protobuf.configure();
