import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileKernelsSync, instantiateKernels } from './load-kernels.ts';
import { WasmHeap } from './wasm-heap.ts';

const fresh = (): WasmHeap => new WasmHeap(instantiateKernels(compileKernelsSync()));

describe('WasmHeap', () => {
  it('hands out 64-byte aligned blocks above the workspace', () => {
    const heap = fresh();
    const a = heap.alloc(1);
    const b = heap.allocBlock(100);
    expect(a % 64).toBe(0);
    expect(b % 64).toBe(0);
    expect(a).toBeGreaterThan(heap.workspace);
    expect(b).toBeGreaterThanOrEqual(a + 64);
  });

  it('release(mark) frees the scratch blocks of a call and lowers the top again', () => {
    const heap = fresh();
    const top = heap.topAddress;
    const mark = heap.mark();
    heap.alloc(1000);
    heap.alloc(5000);
    expect(heap.topAddress).toBeGreaterThan(top);
    heap.release(mark);
    expect(heap.topAddress).toBe(top);
    expect(heap.freeBytes).toBe(0);
  });

  it('reuses a freed block for the next allocation of its size, and merges neighbours', () => {
    const heap = fresh();
    const a = heap.allocBlock(4096);
    const b = heap.allocBlock(4096);
    const c = heap.allocBlock(4096); // keeps a and b below the top
    heap.freeBlock(a, 4096);
    expect(heap.allocBlock(4096)).toBe(a);
    heap.freeBlock(a, 4096);
    heap.freeBlock(b, 4096);
    expect(heap.freeBytes).toBe(8192); // one merged run
    expect(heap.allocBlock(8000)).toBe(a); // fits in the merged run
    heap.freeBlock(a, 8000);
    heap.freeBlock(c, 4096);
    expect(heap.freeBytes).toBe(0); // everything merged into the top
  });

  it('keeps finding freed blocks after many sizes came and went (empty size groups are dropped)', () => {
    const heap = fresh();
    const blocks = Array.from({ length: 200 }, (_, i) => [heap.allocBlock(64 * (i + 1)), heap.allocBlock(64)] as const);
    const top = heap.topAddress;
    // Free the sized blocks (their 64-byte spacers keep them apart), take each back, free again.
    for (const round of [0, 1]) {
      blocks.forEach(([at], i) => heap.freeBlock(at, 64 * (i + 1)));
      const again = blocks.map((_, i) => heap.allocBlock(64 * (i + 1)));
      expect(again, `round ${round}`).toEqual(blocks.map(([at]) => at));
    }
    expect(heap.topAddress).toBe(top);
    expect(heap.freeBytes).toBe(0);
    // A block between sizes still finds the best fit past the dropped groups.
    blocks.forEach(([at], i) => heap.freeBlock(at, 64 * (i + 1)));
    expect(heap.allocBlock(64 * 150 - 10)).toBe(blocks[149]?.[0]);
  });

  it('grows memory for a large block, and views of shared memory survive growth', () => {
    const heap = fresh();
    const before = heap.byteLength;
    const at = heap.allocBlock(before * 2);
    expect(heap.byteLength).toBeGreaterThanOrEqual(at + before * 2);
    expect(heap.owns(heap.f32.buffer)).toBe(true);
    expect(heap.owns(new ArrayBuffer(8))).toBe(false);
  });

  it('property: live blocks never overlap, and freeing everything returns to the start', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 20000 }), fc.nat(10)), { minLength: 1, maxLength: 60 }), (plan) => {
        const heap = fresh();
        const start = heap.topAddress;
        const live: [number, number][] = [];
        for (const [bytes, pick] of plan) {
          if (pick < 4 && live.length > 0) {
            const [at, size] = live.splice(pick % live.length, 1)[0] as [number, number];
            heap.freeBlock(at, size);
          } else {
            const at = heap.allocBlock(bytes);
            for (const [o, s] of live) expect(at + bytes <= o || o + s <= at).toBe(true);
            live.push([at, bytes]);
          }
        }
        for (const [at, size] of live) heap.freeBlock(at, size);
        expect(heap.topAddress).toBe(start);
        expect(heap.freeBytes).toBe(0);
      }),
    );
  });
});
