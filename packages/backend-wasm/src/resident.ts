import type { TypedArray } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';
import type { FloatDType } from './float-dtype.ts';
import { bytesOf } from './float-dtype.ts';

interface Block {
  readonly at: number;
  readonly bytes: number;
}

/**
 * Tensor storage that stays in linear memory while a `tidy` scope is open ("resident" storage).
 *
 * Inside a scope, kernels write their results into a block of linear memory and hand core-tensor
 * a Float32Array/Float64Array *view* of it instead of copying the result out; a resident input is
 * read where it lies instead of being copied in. So a chain of ops makes no JS allocations and no
 * copies, and a block freed when its tensor is disposed is reused by the next op of the same size:
 * its pages are already mapped, which is what a fresh JS typed array pays for on every op.
 *
 * Views must outlive memory growth, which detaches an unshared ArrayBuffer; so resident storage
 * needs a shared memory (Node, or a cross-origin-isolated page) and is off otherwise. A block is
 * freed when core-tensor releases it (its last tensor was disposed) or, for tensors that escaped
 * every scope and were never disposed, when its view is garbage-collected (views still live when
 * the outermost scope closes are registered with a FinalizationRegistry then). Blocks count against
 * `limit`; past it, results go to plain JS arrays as outside a scope.
 */
export class ResidentStore {
  private depth = 0;
  private readonly blocks = new WeakMap<TypedArray, Block>();
  private readonly finalizer: FinalizationRegistry<Block>;
  /** Blocks allocated since the outermost scope opened and not yet released (registered when it closes). */
  private readonly pending = new Map<TypedArray, Block>();
  private liveBytes = 0;
  private liveBlocks = 0;
  private readonly heap: WasmHeap;
  private readonly limit: number;

  /** @param heap the linear memory; @param limit the most bytes resident blocks may hold at once */
  constructor(heap: WasmHeap, limit: number) {
    this.heap = heap;
    this.limit = limit;
    this.finalizer = new FinalizationRegistry((block) => this.free(block));
  }

  /** True when resident storage is possible at all (shared memory and a nonzero limit). */
  get enabled(): boolean {
    return this.heap.shared && this.limit > 0;
  }

  /** True while a scope is open and results may stay resident. */
  get active(): boolean {
    return this.depth > 0 && this.enabled;
  }

  beginScope(): void {
    this.depth++;
  }

  endScope(): void {
    if (this.depth > 0) this.depth--;
    if (this.depth > 0) return;
    // What is still live when the outermost scope ends escaped it (returned or kept): from now on
    // only the garbage collector may tell us that it died. Blocks released inside the scope never
    // touch the FinalizationRegistry, whose cells are reclaimed only by full collections.
    for (const [view, block] of this.pending) this.finalizer.register(view, block, view);
    this.pending.clear();
  }

  /** A fresh resident view of `size` elements with its byte address, or undefined when over the limit. */
  allocate(size: number, dtype: FloatDType): { at: number; view: Float32Array | Float64Array } | undefined {
    const bytes = size * bytesOf(dtype);
    if (this.liveBytes + bytes > this.limit) return undefined;
    let at: number;
    try {
      at = this.heap.allocBlock(bytes);
    } catch {
      return undefined; // linear memory is at its maximum: fall back to a JS array
    }
    const view = this.heap.view(at, size, bytesOf(dtype) as 4 | 8);
    const block: Block = { at, bytes };
    this.blocks.set(view, block);
    this.pending.set(view, block);
    this.liveBytes += bytes;
    this.liveBlocks++;
    return { at, view };
  }

  /** Core-tensor's release: frees the block behind `data` if it is one of ours; ignores anything else. */
  release(data: TypedArray): void {
    const block = this.blocks.get(data);
    if (block === undefined) return;
    this.blocks.delete(data);
    if (!this.pending.delete(data)) this.finalizer.unregister(data);
    this.free(block);
  }

  /** The byte address of `data`'s first element when it lies in linear memory (no copy needed), else undefined. */
  addressOf(data: TypedArray): number | undefined {
    if (!this.heap.shared || !this.heap.owns(data.buffer)) return undefined;
    return data.byteOffset;
  }

  /** Bytes held by live resident blocks. */
  get bytes(): number {
    return this.liveBytes;
  }

  /** How many resident blocks are live. */
  get count(): number {
    return this.liveBlocks;
  }

  private free(block: Block): void {
    this.heap.freeBlock(block.at, block.bytes);
    this.liveBytes -= block.bytes;
    this.liveBlocks--;
  }
}
