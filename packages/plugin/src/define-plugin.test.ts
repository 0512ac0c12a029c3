import { abs, sub } from '@gradlab/core-tensor';
import { defineLoss } from '@gradlab/losses';
import { describe, expect, it } from 'vitest';
import { definePlugin } from './define-plugin.ts';
import { isPluginManifest } from './is-plugin-manifest.ts';
import { PluginError } from './plugin-error.ts';
import type { PluginDefinition } from './plugin-manifest.ts';
import { pluginPieces } from './plugin-manifest.ts';

const cubic = () => defineLoss({ id: 'cubic', prediction: 'value', target: 'real', elementwise: (p, t) => abs(sub(p, t)).pow(3) });

function refusal(definition: unknown): PluginError {
  try {
    definePlugin(definition as PluginDefinition);
  } catch (e) {
    expect(e).toBeInstanceOf(PluginError);
    return e as PluginError;
  }
  throw new Error('definePlugin accepted it');
}

describe('definePlugin', () => {
  it('returns a frozen manifest with every kind and each piece normalised to { factory, example }', () => {
    const p = definePlugin({ name: 'gradlab-plugin-cubic', version: '1.2.3', losses: { cubic }, optimizers: {} });
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.losses)).toBe(true);
    expect(p.losses.cubic?.factory).toBe(cubic);
    expect(p.losses.cubic?.example).toEqual({});
    expect(p.layers).toEqual({});
    expect(p.description).toBe('');
    expect(isPluginManifest(p)).toBe(true);
    expect(isPluginManifest({ ...p, format: 'other' })).toBe(false);
    expect(isPluginManifest({ name: 'x', version: '1.0.0' })).toBe(false);
    expect(pluginPieces(p)).toEqual([{ kind: 'loss', id: 'cubic' }]);
  });

  it('defaults an optimizer example to { lr: 0.01 } and keeps a given one', () => {
    const f = () => {
      throw new Error('not called');
    };
    const p = definePlugin({ name: 'p', version: '0.1.0', optimizers: { a: f, b: { factory: f, example: { lr: 0.5 } } } });
    expect(p.optimizers.a?.example).toEqual({ lr: 0.01 });
    expect(p.optimizers.b?.example).toEqual({ lr: 0.5 });
  });

  it('refuses a manifest without a name or a semver version, or with an unknown field', () => {
    expect(refusal({ version: '1.0.0' }).message).toContain('a plugin needs a name');
    const v = refusal({ name: 'p', version: 'latest' });
    expect(v.reason).toBe('invalid-manifest');
    expect(v.message).toContain("plugin 'p': a plugin needs a semver version");
    const typo = refusal({ name: 'p', version: '1.0.0', loss: {} });
    expect(typo.message).toContain("unknown field 'loss'");
    expect(typo.message).toContain('the kinds are plural');
    expect(refusal(null).message).toContain('a plugin definition is an object');
  });

  it('names the plugin and the piece when a piece is malformed', () => {
    const notFn = refusal({ name: 'p', version: '1.0.0', losses: { focal: 42 } });
    expect(notFn).toMatchObject({ reason: 'invalid-piece', plugin: 'p', kind: 'loss', piece: 'focal' });
    expect(notFn.message).toContain("plugin 'p', loss 'focal'");
    expect(refusal({ name: 'p', version: '1.0.0', losses: { 'bad id': cubic } }).message).toContain('an id is letters');
    const layer = refusal({ name: 'p', version: '1.0.0', layers: { scale: { factory: () => null } } });
    expect(layer.message).toContain("plugin 'p', layer 'scale': a layer needs an example config");
    expect(refusal({ name: 'p', version: '1.0.0', layers: { scale: { factory: () => null, example: { config: { kind: 'other' }, inputShape: [4, 3] } } } }).message).toContain(
      "the example config's kind must be the layer's id",
    );
    expect(refusal({ name: 'p', version: '1.0.0', layers: { scale: { factory: () => null, example: { config: { kind: 'scale' }, inputShape: [1, 3] } } } }).message).toContain('batch first');
    expect(refusal({ name: 'p', version: '1.0.0', distributions: { d: { factory: () => null, examples: [] } } }).message).toContain('parameter lists');
    expect(refusal({ name: 'p', version: '1.0.0', datasets: { d: { x: [] } } }).message).toContain('a dataset is a zero-argument loader');
    expect(refusal({ name: 'p', version: '1.0.0', optimizers: { o: { factory: () => null, example: { lr: () => 1 } } } }).message).toContain('the example config must be a JSON object');
  });
});
