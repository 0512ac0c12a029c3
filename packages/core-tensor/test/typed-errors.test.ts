import { describe, expect, it } from 'vitest';
import { add, DTypeError, full, log, matmul, ones, reshape, ShapeError, tensor, ValueError, zeros } from '../src/index.ts';

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('typed errors say what went wrong', () => {
  it('matmul of [2,3] and [4,5]: ShapeError naming both shapes, with a hint', () => {
    const e = caught(() => matmul(ones([2, 3]), ones([4, 5])));
    expect(e).toBeInstanceOf(ShapeError);
    const err = e as ShapeError;
    expect(err.op).toBe('matmul');
    expect(err.message).toMatch(/^\[gradlab\/core-tensor\] matmul: inner dimensions must match: a is \[2, 3\], b is \[4, 5\] \(a\.shape\[1\]=3, b\.shape\[0\]=4\)/);
    expect(err.message).toMatch(/Hint: transpose b\?$/);
  });

  it('adding [2,3] to [4]: ShapeError naming both shapes', () => {
    const e = caught(() => add(ones([2, 3]), ones([4]))) as ShapeError;
    expect(e).toBeInstanceOf(ShapeError);
    expect(e.op).toBe('add');
    expect(e.message).toContain('[2, 3]');
    expect(e.message).toContain('[4]');
  });

  it('log of an int32 tensor: DTypeError with a cast hint', () => {
    const e = caught(() => log(tensor([1, 2], { dtype: 'int32' }))) as DTypeError;
    expect(e).toBeInstanceOf(DTypeError);
    expect(e.op).toBe('log');
    expect(e.received).toBe('int32');
    expect(e.hint).toContain("astype('float64')");
  });

  it('reshape to a wrong size: ShapeError with both sizes', () => {
    const e = caught(() => reshape(zeros([2, 3]), [4, 2])) as ShapeError;
    expect(e).toBeInstanceOf(ShapeError);
    expect(e.op).toBe('reshape');
    expect(e.message).toContain('[2, 3] (size 6) into [4, 2] (size 8)');
  });

  it('a ragged nested array: ShapeError naming the row', () => {
    const e = caught(() => tensor([[1, 2], [3]])) as ShapeError;
    expect(e).toBeInstanceOf(ShapeError);
    expect(e.op).toBe('tensor');
    expect(e.arg).toBe('data[1]');
    expect(e.message).toContain('ragged');
  });

  it('a NaN shape: ValueError naming the entry', () => {
    const e = caught(() => zeros([2, Number.NaN])) as ValueError;
    expect(e).toBeInstanceOf(ValueError);
    expect(e.arg).toBe('shape[1]');
    expect(e.op).toBe('zeros');
    expect(e.message).toMatch(/^\[gradlab\/core-tensor\] zeros: /);
    expect(Number.isNaN(e.received)).toBe(true);
    expect((caught(() => ones([-1])) as ValueError).op).toBe('ones');
    expect((caught(() => full([1.5], 0)) as ValueError).op).toBe('full');
  });

  it('item() of a tensor with several elements: ShapeError', () => {
    expect(() => ones([2]).item()).toThrow(ShapeError);
  });
});
