import { abs, sub } from '@gradlab/core-tensor';
import { defineLoss, lossFromSpec } from '@gradlab/losses';
import type { Loss } from '@gradlab/losses';
import { describe, expect, it } from 'vitest';
import { composePlugins } from './compose-plugins.ts';
import { CORE_PLUGIN_NAME, corePlugin } from './core-plugin.ts';
import { definePlugin } from './define-plugin.ts';
import { PluginError } from './plugin-error.ts';
import type { PluginManifest } from './plugin-manifest.ts';

const cubic = defineLoss({ id: 'cubic', prediction: 'value', target: 'real', elementwise: (p, t) => abs(sub(p, t)).pow(3) });
const mine = definePlugin({ name: 'gradlab-plugin-cubic', version: '1.0.0', losses: { cubic: () => cubic } });

function thrown(f: () => unknown): PluginError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PluginError);
    return e as PluginError;
  }
  throw new Error('did not throw');
}

describe('composePlugins', () => {
  it('merges the core plugin and a user plugin, and says where each piece came from', () => {
    const r = composePlugins([corePlugin, mine]);
    expect(Object.isFrozen(r.losses)).toBe(true);
    expect(lossFromSpec('cubic', r.losses).id).toBe('cubic');
    expect(lossFromSpec({ id: 'hinge', config: { reduction: 'sum' } }, r.losses).reduction).toBe('sum');
    expect(r.sources.loss.cubic).toEqual({ plugin: 'gradlab-plugin-cubic', version: '1.0.0' });
    expect(r.sources.loss.hinge?.plugin).toBe(CORE_PLUGIN_NAME);
    expect(Object.keys(r.optimizers)).toContain('adam');
    expect(Object.keys(r.backends)).toEqual(['js']);
    expect(r.datasets.iris?.().x.shape).toEqual([150, 4]);
    expect(r.plugins.map((p) => p.name)).toEqual([CORE_PLUGIN_NAME, 'gradlab-plugin-cubic']);
  });

  it('refuses a clash, naming both plugins and the piece, a built-in included', () => {
    const other = definePlugin({ name: 'gradlab-plugin-other', version: '2.0.0', losses: { cubic: () => cubic } });
    const e = thrown(() => composePlugins([corePlugin, mine, other]));
    expect(e).toMatchObject({ reason: 'clash', plugin: 'gradlab-plugin-other', otherPlugin: 'gradlab-plugin-cubic', kind: 'loss', piece: 'cubic' });
    expect(e.message).toContain("both 'gradlab-plugin-cubic' and 'gradlab-plugin-other' offer the loss 'cubic'");
    const shadow = definePlugin({ name: 'shadow', version: '1.0.0', losses: { hinge: () => cubic } });
    expect(thrown(() => composePlugins([corePlugin, shadow])).message).toContain(`both '${CORE_PLUGIN_NAME}' and 'shadow' offer the loss 'hinge'`);
  });

  it('lets a later plugin replace a piece only when the override is explicit', () => {
    const shadow = definePlugin({ name: 'shadow', version: '1.0.0', losses: { hinge: () => cubic } });
    const r = composePlugins([corePlugin, shadow], { overrides: { loss: ['hinge'] } });
    expect(lossFromSpec('hinge', r.losses)).toBe(cubic);
    expect(r.sources.loss.hinge).toEqual({ plugin: 'shadow', version: '1.0.0', overrides: CORE_PLUGIN_NAME });
  });

  it('refuses something that is not a manifest, and a plugin listed twice', () => {
    expect(thrown(() => composePlugins([corePlugin, { name: 'x' } as unknown as PluginManifest])).reason).toBe('not-a-manifest');
    expect(thrown(() => composePlugins([mine, mine])).message).toContain('listed twice');
  });

  it('names the plugin and the piece when a factory breaks its contract at use', () => {
    const broken = definePlugin({
      name: 'broken',
      version: '1.0.0',
      losses: { nothing: () => ({}) as Loss, boom: () => { throw new TypeError('x is undefined'); } },
    });
    const r = composePlugins([broken]);
    const e = thrown(() => r.losses.nothing!({}));
    expect(e).toMatchObject({ reason: 'contract', plugin: 'broken', kind: 'loss', piece: 'nothing' });
    expect(e.message).toContain('did not return a Loss');
    expect(thrown(() => r.losses.boom!({})).message).toContain("plugin 'broken', loss 'boom': the factory threw: x is undefined");
    // A config error of a built-in stays the built-in's own typed error.
    expect(() => composePlugins([corePlugin]).losses.quadratic!({ reduction: 'avg' })).toThrow('reduction');
  });
});
