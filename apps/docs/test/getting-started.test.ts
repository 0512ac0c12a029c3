import { afterEach, describe, expect, it, vi } from 'vitest';

describe('the getting-started example (included in guide/getting-started.md)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('loads, splits, fits and scores breast cancer above 0.9 test accuracy (0.991 on 113 held-out samples)', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { score } = await import('../examples/getting-started.ts');
    expect(score).toBeGreaterThan(0.9);
    expect(score).toBeCloseTo(112 / 113, 12);
    expect(score).toBeLessThanOrEqual(1);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^test accuracy 0\.\d{3} on 113 samples$/));
  });
});
