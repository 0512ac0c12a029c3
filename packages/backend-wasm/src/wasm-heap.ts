import type { KernelExports } from './load-kernels.ts';

const PAGE = 65536;
/** Every block starts on a cache line, so v128 loads never straddle one at a block's start. */
const ALIGN = 64;

/**
 * The JS-side manager of the kernels' linear memory: a bump (stack) allocator above a permanent
 * region that holds the matmul packing workspace. A kernel call takes a mark, allocates its staged
 * inputs, output and scratch, and releases to the mark when its result has been copied out, so the
 * memory in use never exceeds what the largest single call needs. Memory grows (in whole 64 KiB
 * pages, never shrinking) when a call needs more; typed-array views are re-created after a grow,
 * because growing detaches the old ArrayBuffer.
 */
export class WasmHeap {
  readonly kernels: KernelExports;
  /** Byte address of the matmul workspace (big enough for both the f32 and f64 kernels). */
  readonly workspace: number;
  private top: number;
  private buffer: ArrayBuffer;
  private f32View: Float32Array;
  private f64View: Float64Array;
  private i32View: Int32Array;

  constructor(kernels: KernelExports) {
    this.kernels = kernels;
    this.buffer = kernels.memory.buffer;
    this.f32View = new Float32Array(this.buffer);
    this.f64View = new Float64Array(this.buffer);
    this.i32View = new Int32Array(this.buffer);
    this.top = align(kernels.heapBase());
    this.workspace = this.alloc(Math.max(kernels.matmulF32Workspace(), kernels.matmulF64Workspace()));
  }

  /** Allocates `bytes` (rounded up to 64) and returns the block's byte address; grows memory when needed. */
  alloc(bytes: number): number {
    const at = this.top;
    const end = at + align(Math.max(bytes, 1));
    const have = this.kernels.memory.buffer.byteLength;
    if (end > have) {
      // Grow at least by half again, so a sequence of slightly larger calls does not grow each time.
      const want = Math.max(end, Math.ceil(have * 1.5));
      this.kernels.memory.grow(Math.ceil((want - have) / PAGE));
    }
    this.top = end;
    return at;
  }

  /** The current top of the stack, to pass to {@link release}. */
  mark(): number {
    return this.top;
  }

  /** Frees every block allocated since `mark` was taken. */
  release(mark: number): void {
    this.top = mark;
  }

  /** Bytes of linear memory reserved (it never shrinks). */
  get byteLength(): number {
    return this.kernels.memory.buffer.byteLength;
  }

  private refresh(): void {
    const buf = this.kernels.memory.buffer;
    if (buf !== this.buffer) {
      this.buffer = buf;
      this.f32View = new Float32Array(buf);
      this.f64View = new Float64Array(buf);
      this.i32View = new Int32Array(buf);
    }
  }

  /** A Float32Array over all of linear memory (valid until the next alloc). */
  get f32(): Float32Array {
    this.refresh();
    return this.f32View;
  }

  /** A Float64Array over all of linear memory (valid until the next alloc). */
  get f64(): Float64Array {
    this.refresh();
    return this.f64View;
  }

  /** An Int32Array over all of linear memory (valid until the next alloc). */
  get i32(): Int32Array {
    this.refresh();
    return this.i32View;
  }
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
