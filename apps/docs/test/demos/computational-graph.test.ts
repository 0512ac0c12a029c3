import { describe, expect, it } from 'vitest';
import { formatValue, traceExpression, type ComputationalGraph } from '@gradlab/core-tensor/graph';
import { parse } from '@gradlab/core-tensor/symbolic';
import { output, screenshot, useSite, withPage } from '../browser.ts';

/** g and ∇g as the page shows them, from the graph traced in Node. */
function shown(graph: ComputationalGraph): { value: string; gradient: string } {
  const node = (id: number) => graph.nodes.find((n) => n.id === id);
  return {
    value: formatValue(node(graph.outputId)?.value?.[0] ?? Number.NaN),
    gradient: graph.inputIds.map((id) => formatValue(node(id)?.grad?.[0] ?? Number.NaN)).join(', '),
  };
}

/** The notes' example, the page's first graph: g = θ1² + 2θ2² − θ3² at [1, −1, 1], traced in Node. */
const notes = traceExpression(parse('theta1^2 + 2*theta2^2 - theta3^2'), { theta1: 1, theta2: -1, theta3: 1 });

describe('docs site: the computational-graph demo (chapter 4)', () => {
  const url = useSite();

  it("computational-graph demo: the notes' example g = θ1² + 2θ2² − θ3² at [1, −1, 1], ∇g = [2, −4, −2], as traceExpression gives in Node; edits retrace", async () => {
    expect(shown(notes)).toEqual({ value: '2', gradient: '2, -4, -2' });
    const moved = shown(traceExpression(parse('theta1^2 + 2*theta2^2 - theta3^2'), { theta1: 1, theta2: 2.5, theta3: 1 }));
    const chain = shown(traceExpression(parse('log((x1 + 2*x2)^2)'), { x1: 1, x2: -2 }));
    expect(chain.gradient).toBe('-0.666667, -1.33333');
    const twice = shown(traceExpression(parse('x*y + sin(x)'), { x: 1, y: 2 }));
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/differentiation.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="computational-graph"]');
      await expect.poll(() => output(demo, 'gradient')).toBe(shown(notes).gradient);
      await expect(output(demo, 'value')).resolves.toBe('2');
      await expect(output(demo, 'grad-theta2')).resolves.toBe('-4');
      await expect(output(demo, 'backend')).resolves.toContain('(wasm backend)');
      // One drawn node per traced node: 3 inputs, the constant 2, and 6 ops.
      await expect(demo.locator('[data-output="graph"] g.gradlab-cg-node').count()).resolves.toBe(notes.nodes.length);
      await expect(demo.locator('[data-output="graph"] g[data-node="input"]').count()).resolves.toBe(3);
      await expect(demo.locator('[data-output="graph"] path[marker-end]').count()).resolves.toBe(notes.nodes.reduce((s, n) => s + n.inputs.length, 0));
      await screenshot(demo, 'computational-graph');
      await demo.locator('[data-control="var-theta2"]').fill('2.5');
      await expect.poll(() => output(demo, 'gradient')).toBe(moved.gradient);
      await expect(output(demo, 'value')).resolves.toBe(moved.value);
      await demo.locator('[data-control="expression"]').fill('log((x1 + 2*x2)^2)');
      await demo.locator('[data-control="var-x1"]').fill('1');
      await demo.locator('[data-control="var-x2"]').fill('-2');
      await expect.poll(() => output(demo, 'gradient')).toBe(chain.gradient);
      // A typo is reported where it is, and nothing breaks.
      await demo.locator('[data-control="expression"]').fill('x1 + * x2');
      await expect.poll(() => output(demo, 'error')).toMatch(/parse: unexpected '\*' at column 6/);
      // A variable used twice: its gradient is the sum over its two paths, y + cos(x).
      await demo.locator('[data-control="preset"]').selectOption({ index: 3 });
      await expect.poll(() => output(demo, 'gradient')).toBe(twice.gradient);
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('computational-graph demo: the js fallback (?backend=js) shows the same numbers', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/differentiation.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="computational-graph"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect.poll(() => output(demo, 'gradient')).toBe(shown(notes).gradient);
      await expect(output(demo, 'value')).resolves.toBe(shown(notes).value);
      expect(errors).toEqual([]);
    });
  });
});
