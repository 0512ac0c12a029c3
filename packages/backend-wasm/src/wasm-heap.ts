import type { KernelExports } from './load-kernels.ts';

const PAGE = 65536;
/** Every block starts on a cache line, so v128 loads never straddle one at a block's start. */
const ALIGN = 64;
/** Scratch blocks up to this size come from the small-scratch stack. */
const SMALL = 4096;
/** Size of the small-scratch stack (nested calls stack up in it; overflow goes to the free lists). */
const ARENA = 65536;
/** Empty size groups kept before they are dropped all at once. */
const MAX_EMPTY_GROUPS = 64;

/**
 * The JS-side manager of the kernels' linear memory: a best-fit free-list allocator (exact sizes
 * found in O(1), the most recently freed first) with deferred coalescing, above a permanent region that holds the matmul packing workspace.
 *
 * Two kinds of block come from it:
 * - *scratch* (`alloc`): a kernel call takes a `mark`, allocates its staged inputs, meta data and
 *   output, and `release`s back to the mark when its result is out;
 * - *blocks* (`allocBlock`/`freeBlock`): tensor storage that lives across calls while a `tidy`
 *   scope is open, freed when core-tensor releases it (or when its view is garbage-collected).
 *
 * A freed block stays a block of its size (neighbours merge only when an allocation finds no free
 * block big enough but the free bytes would do), and a free run that reaches the top lowers the
 * top, so a steady loop (the same shapes every step) reuses the same, cache-warm addresses and
 * memory stops growing after the first step. Memory grows in whole 64 KiB pages and never shrinks; typed-array views
 * are re-created after a grow (an unshared ArrayBuffer is detached by it; a SharedArrayBuffer is
 * not, which is why only shared memory hands out views that outlive a call).
 */
export class WasmHeap {
  readonly kernels: KernelExports;
  /** Byte address of the matmul workspace (big enough for both the f32 and f64 kernels). */
  readonly workspace: number;
  /** True when the memory is a shared one (its views survive growth). */
  readonly shared: boolean;
  private top: number;
  private buffer: ArrayBufferLike;
  private f32View: Float32Array;
  private f64View: Float64Array;
  private i32View: Int32Array;
  private u8View: Uint8Array;
  /** Every buffer object this memory has had (a grown shared memory hands out a new one). */
  private readonly buffers = new WeakSet<ArrayBufferLike>();
  /** Scratch blocks since the outermost mark, as address, bytes pairs. */
  private readonly scratch: number[] = [];
  private readonly freeByStart = new Map<number, number>();
  private readonly freeByEnd = new Map<number, number>();
  /** Free blocks grouped by size, most recently freed last: a loop over the same shapes finds its exact size in O(1). Groups may be empty. */
  private readonly freeBySize = new Map<number, number[]>();
  /** The keys of freeBySize in ascending order: the best fit is a binary search, not a scan of every size. */
  private readonly freeSizes: number[] = [];
  private freeBytesTotal = 0;
  /** Groups of freeBySize with no block (kept, so a loop's sizes are not added and removed each step). */
  private emptyGroups = 0;
  /** A block was freed since the last merge (else merging again would find nothing new). */
  private freedSinceCoalesce = false;
  /** The small-scratch stack: [arenaTop, arenaEnd) is free. */
  private arenaTop: number;
  private readonly arenaEnd: number;

  constructor(kernels: KernelExports) {
    this.kernels = kernels;
    this.buffer = kernels.memory.buffer;
    this.shared = typeof SharedArrayBuffer !== 'undefined' && this.buffer instanceof SharedArrayBuffer;
    this.buffers.add(this.buffer);
    this.f32View = new Float32Array(this.buffer);
    this.f64View = new Float64Array(this.buffer);
    this.i32View = new Int32Array(this.buffer);
    this.u8View = new Uint8Array(this.buffer);
    this.top = align(kernels.heapBase());
    const ws = align(Math.max(kernels.matmulF32Workspace(), kernels.matmulF64Workspace()));
    this.workspace = this.bump(ws);
    this.arenaTop = this.bump(ARENA);
    this.arenaEnd = this.arenaTop + ARENA;
  }

  /** A scratch block of `bytes` (rounded up to 64), freed by the `release` of an earlier mark. */
  alloc(bytes: number): number {
    const size = align(Math.max(bytes, 1));
    if (size <= SMALL && this.arenaTop + size <= this.arenaEnd) {
      // Small scratch (a call's shape and stride lists, scalar operands) comes from a stack of its
      // own, so it never fragments the free lists; a size of 0 on the scratch list marks it.
      const at = this.arenaTop;
      this.arenaTop += size;
      this.scratch.push(at, 0);
      return at;
    }
    const at = this.take(size);
    this.scratch.push(at, size);
    return at;
  }

  /** The current scratch position, to pass to {@link release}. */
  mark(): number {
    return this.scratch.length;
  }

  /** Frees every scratch block allocated since `mark` was taken (most recent first). */
  release(mark: number): void {
    while (this.scratch.length > mark) {
      const size = this.scratch.pop() as number;
      const at = this.scratch.pop() as number;
      if (size === 0) this.arenaTop = at;
      else this.put(at, size);
    }
  }

  /** A long-lived block of `bytes` (rounded up to 64); free it with {@link freeBlock}. */
  allocBlock(bytes: number): number {
    return this.take(align(Math.max(bytes, 1)));
  }

  /** Frees a block from {@link allocBlock} (`bytes` as passed to it). */
  freeBlock(at: number, bytes: number): void {
    this.put(at, align(Math.max(bytes, 1)));
  }

  /** True when `buffer` is (a former or current buffer of) this heap's memory. */
  owns(buffer: ArrayBufferLike): boolean {
    this.refresh();
    return this.buffers.has(buffer);
  }

  /** A typed-array view of `size` elements at byte address `at` (valid across growth only when shared). */
  view(at: number, size: number, bytes: 4 | 8): Float32Array | Float64Array {
    this.refresh();
    return bytes === 4 ? new Float32Array(this.buffer, at, size) : new Float64Array(this.buffer, at, size);
  }

  /** Bytes of linear memory reserved (it never shrinks). */
  get byteLength(): number {
    return this.kernels.memory.buffer.byteLength;
  }

  /** Bytes between the workspace and the top that are free (fragmentation shows up here). */
  get freeBytes(): number {
    return this.freeBytesTotal;
  }

  /** The end of the used region (blocks above it were never handed out or were given back). */
  get topAddress(): number {
    return this.top;
  }

  /**
   * The most recently freed block of exactly `size` (its cache lines are the likeliest to be warm),
   * else the best fit among the free sizes, else (when the free blocks hold enough bytes) the same
   * after merging neighbouring free blocks, else a bump of the top.
   */
  private take(size: number): number {
    const exact = this.freeBySize.get(size);
    if (exact !== undefined && exact.length > 0) {
      const at = exact[exact.length - 1] as number;
      this.unlink(at, size);
      return at;
    }
    const fit = this.bestFit(size);
    if (fit !== undefined) return fit;
    if (this.freedSinceCoalesce && this.freeBytesTotal >= size && this.coalesce()) {
      const again = this.bestFit(size);
      if (again !== undefined) return again;
    }
    return this.bump(size);
  }

  private bestFit(size: number): number | undefined {
    const sizes = this.freeSizes;
    let i = firstAbove(sizes, size - 1);
    let group: number[] = [];
    for (; i < sizes.length; i++) {
      group = this.freeBySize.get(sizes[i] as number) ?? [];
      if (group.length > 0) break;
    }
    if (i === sizes.length) return undefined;
    const bestSize = sizes[i] as number;
    const best = group[group.length - 1] as number;
    this.unlink(best, bestSize);
    if (bestSize > size) this.link(best + size, bestSize - size);
    return best;
  }

  /**
   * Frees a block without merging it with free neighbours (a loop over the same shapes then finds
   * its blocks again at the same addresses), except that a block reaching the top lowers the top,
   * together with every free block below it that then reaches the new top.
   */
  private put(at: number, size: number): void {
    if (at + size !== this.top) {
      this.link(at, size);
      this.freedSinceCoalesce = true;
      return;
    }
    this.top = at;
    for (let below = this.freeByEnd.get(this.top); below !== undefined; below = this.freeByEnd.get(this.top)) {
      this.unlink(below, this.top - below);
      this.top = below;
    }
  }

  /** Merges neighbouring free blocks; true when any merged. */
  private coalesce(): boolean {
    this.freedSinceCoalesce = false;
    const starts = [...this.freeByStart.keys()].sort((a, b) => a - b);
    let merged = false;
    let i = 0;
    while (i < starts.length) {
      const start = starts[i] as number;
      let end = start + (this.freeByStart.get(start) as number);
      let j = i + 1;
      while (j < starts.length && starts[j] === end) {
        end += this.freeByStart.get(end) as number;
        j++;
      }
      if (j > i + 1) {
        merged = true;
        for (let k = i; k < j; k++) {
          const s0 = starts[k] as number;
          this.unlink(s0, this.freeByStart.get(s0) as number);
        }
        this.link(start, end - start);
      }
      i = j;
    }
    return merged;
  }

  private link(at: number, size: number): void {
    this.freeByStart.set(at, size);
    this.freeByEnd.set(at + size, at);
    let group = this.freeBySize.get(size);
    if (group === undefined) {
      group = [];
      this.freeBySize.set(size, group);
      this.freeSizes.splice(firstAbove(this.freeSizes, size), 0, size);
    } else if (group.length === 0) this.emptyGroups--;
    group.push(at);
    this.freeBytesTotal += size;
  }

  private unlink(at: number, size: number): void {
    this.freeByStart.delete(at);
    this.freeByEnd.delete(at + size);
    const group = this.freeBySize.get(size) as number[];
    const k = group.lastIndexOf(at);
    if (k === group.length - 1) group.pop();
    else group.splice(k, 1);
    // An emptied group stays (a steady loop frees a block of the same size again soon), until
    // there are many: then every empty one goes, so best-fit's scan past them stays short.
    if (group.length === 0 && ++this.emptyGroups > MAX_EMPTY_GROUPS) this.dropEmptyGroups();
    this.freeBytesTotal -= size;
  }

  private dropEmptyGroups(): void {
    let kept = 0;
    for (const n of this.freeSizes) {
      if ((this.freeBySize.get(n) as number[]).length > 0) this.freeSizes[kept++] = n;
      else this.freeBySize.delete(n);
    }
    this.freeSizes.length = kept;
    this.emptyGroups = 0;
  }

  private bump(size: number): number {
    const at = this.top;
    const end = at + size;
    const have = this.kernels.memory.buffer.byteLength;
    if (end > have) {
      // Grow at least by half again, so a sequence of slightly larger calls does not grow each time.
      const want = Math.max(end, Math.ceil(have * 1.5));
      this.kernels.memory.grow(Math.ceil((want - have) / PAGE));
    }
    this.top = end;
    return at;
  }

  private refresh(): void {
    const buf = this.kernels.memory.buffer;
    if (buf !== this.buffer) {
      this.buffer = buf;
      this.buffers.add(buf);
      this.f32View = new Float32Array(buf);
      this.f64View = new Float64Array(buf);
      this.i32View = new Int32Array(buf);
      this.u8View = new Uint8Array(buf);
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

  /** A Uint8Array over all of linear memory (valid until the next alloc). */
  get u8(): Uint8Array {
    this.refresh();
    return this.u8View;
  }
}

/** Index of the first element of ascending `xs` greater than `v` (xs.length when none is). */
function firstAbove(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
