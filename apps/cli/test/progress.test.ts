import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/progress.ts';

/** A fake stderr that records what is written, and a clock the test moves by hand. */
function setup(isTTY: boolean) {
  const written: string[] = [];
  const stream = Object.assign(
    {
      write(s: string) {
        written.push(s);
        return true;
      },
    },
    { isTTY },
  ) as unknown as NodeJS.WritableStream & { isTTY?: boolean };
  const clock = { t: 0 };
  return { written, stream, clock, now: () => clock.t };
}

describe('createProgress (plain lines when stderr is not a terminal)', () => {
  it('is silent for work that ends within the delay', () => {
    const { written, stream, now, clock } = setup(false);
    const p = createProgress({ stream, now, delayMs: 1000 });
    p.start(5, 'cv');
    clock.t = 500;
    p.update(5);
    p.stop();
    expect(written).toEqual([]);
  });

  it('prints at most one line per interval, then a closing line', () => {
    const { written, stream, now, clock } = setup(false);
    const p = createProgress({ stream, now, delayMs: 1000, intervalMs: 1000 });
    p.start(4, 'train');
    clock.t = 1500;
    p.update(1, { loss: 0.123456 });
    clock.t = 1800;
    p.update(2);
    clock.t = 2600;
    p.update(3);
    p.stop();
    expect(written).toEqual(['train: 1/4 (25%) after 1.5s | loss 0.1235\n', 'train: 3/4 (75%) after 2.6s\n']);
    p.start(2, 'again');
    clock.t = 4000;
    p.update(1);
    clock.t = 4100;
    p.update(2);
    p.stop();
    expect(written.slice(2)).toEqual(['again: 1/2 (50%) after 1.4s\n', 'again: done, 2/2 (100%) after 1.5s\n']);
  });

  it('shows nothing when quiet (--json, --quiet)', () => {
    const { written, stream, now, clock } = setup(false);
    const p = createProgress({ stream, now, quiet: true, delayMs: 0 });
    p.start(3, 'cv');
    clock.t = 5000;
    p.update(3);
    p.stop();
    expect(written).toEqual([]);
  });
});

describe('createProgress (a bar on a terminal)', () => {
  it('draws a cli-progress bar with the label and the count, and ends it', () => {
    const { written, stream, now, clock } = setup(true);
    Object.assign(stream, { cursorTo: () => true, clearLine: () => true, moveCursor: () => true, columns: 100 });
    const p = createProgress({ stream, now, delayMs: 0 });
    p.start(10, 'cv logistic');
    clock.t = 10;
    p.update(4, { fold: 4 });
    p.stop();
    const text = written.join('');
    expect(text).toContain('cv logistic');
    expect(text).toMatch(/10\/10|4\/10/);
  });
});
