// @gradlab/transformer: Attention, multi-head attention, transformer blocks and a small language model.
export {};
