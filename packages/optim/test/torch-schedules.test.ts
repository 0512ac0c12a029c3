import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scheduleFromSpec } from '../src/index.ts';
import type { ScheduleSpec } from '../src/index.ts';

interface Fixture {
  schedules: (ScheduleSpec & { torch: string; lrs: number[] })[];
}

// Made by test/fixtures/make_torch_schedule_fixtures.py with Debian's python3-torch.
const fixture = JSON.parse(readFileSync(new URL('./fixtures/torch-schedules.json', import.meta.url), 'utf8')) as Fixture;

describe('schedules give the learning rates of torch.optim.lr_scheduler', () => {
  for (const s of fixture.schedules) {
    it(`${s.id} = ${s.torch}`, () => {
      const schedule = scheduleFromSpec(s);
      s.lrs.forEach((lr, k) => expect(schedule.at(k + 1), `update ${k + 1}`).toBeCloseTo(lr, 12));
    });
  }
});
