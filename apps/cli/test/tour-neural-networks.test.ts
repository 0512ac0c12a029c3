import { describe, expect, it } from 'vitest';
import { neuralNetworks } from '../src/tour/neural-networks.ts';

describe('tour: chapter 6', () => {
  it("prints the notes' worked example, the vanishing-gradient table and a trained network", () => {
    const lines: string[] = [];
    neuralNetworks.run((l = '') => lines.push(l));
    const text = lines.join('\n');
    expect(text).toContain('p(t=1|x) = σ(a^L) = 0.119203, log-loss = log(1 + exp(−t± a^L)) = 0.126928');
    expect(text).toContain('layer 2: a² = W²h¹ = [-2]');
    expect(text).toContain('(the notes: δ = σ(−2) − 0 = 0.119203)');
    expect(text).toMatch(/sigmoid .*\(input layer first\)/);
    const acc = Number(/training accuracy ([\d.]+)%/.exec(text)?.[1]);
    expect(acc).toBeGreaterThan(95);
  });
});
