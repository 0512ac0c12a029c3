import { describe, expect, it } from 'vitest';
import { menu, registry } from '../docs/.vitepress/theme/lib/registry.ts';

describe("the docs site's plugin registry (gradlab.plugins.ts)", () => {
  it('offers the built-ins and the example plugin’s pieces, labelled with their plugin', () => {
    const losses = menu('loss');
    expect(losses.map((i) => i.id)).toContain('cross-entropy');
    expect(losses.find((i) => i.id === 'focal')).toEqual({ id: 'focal', plugin: 'gradlab-plugin-focal-loss-lion', label: 'focal (gradlab-plugin-focal-loss-lion)' });
    const optimizers = menu('optimizer');
    expect(optimizers.map((i) => i.id)).toEqual(expect.arrayContaining(['gd', 'sgd', 'heavy-ball', 'nesterov', 'adam', 'adamw', 'lion']));
    expect(optimizers.at(-1)?.id).toBe('lion'); // plugins' pieces come after the built-ins
  });

  it('narrows the built-ins to a list and keeps every plugin piece', () => {
    expect(menu('optimizer', ['sgd', 'adam']).map((i) => i.id)).toEqual(['sgd', 'adam', 'lion']);
  });

  it('builds working pieces from the menu ids', () => {
    const lion = registry.optimizers['lion']?.({ lr: 0.01 });
    expect(lion?.id).toBe('lion');
  });
});
