// The activations as functions of tensors, like `torch.nn.functional`: `F.relu(x)`.
export { gelu, leakyRelu, logSoftmax, relu, sigmoid, softmax, tanh } from '@gradlab/core-tensor';
