import { ValueError } from '@gradlab/core-tensor';
import { checkRobbinsMonro } from '@gradlab/optim';
import type { RobbinsMonroReport, Schedule } from '@gradlab/optim';

/** What {@link checkSchedule} verified. */
export interface CheckScheduleReport {
  /** The schedule's id. */
  id: string;
  /** The checks that passed, in order. */
  checks: string[];
  /** Whether it meets the Robbins–Monro conditions (information, not a failure: cosine does not). */
  robbinsMonro: RobbinsMonroReport;
}

/** Iterations sampled: the first hundred, then powers of two up to 2^40. */
const SAMPLED = [...Array.from({ length: 100 }, (_, i) => i + 1), ...Array.from({ length: 34 }, (_, k) => 2 ** (k + 7))];

function fail(s: Schedule, check: string, detail: string): never {
  throw new ValueError(`schedule '${String(s.id)}' fails the check "${check}": ${detail}`, { pkg: 'plugin', op: 'checkSchedule', arg: 'schedule' });
}

/**
 * Checks the `Schedule` contract of `@gradlab/optim`: an id and a JSON config; `at(i)` finite and
 * `>= 0` for i = 1..100 and at powers of two up to 2^40, and the same on a second call; a declared
 * `tail` is one of the known kinds; then runs `checkRobbinsMonro` and reports its verdict.
 *
 * @param schedule the schedule
 * @returns the checks passed and the Robbins–Monro verdict
 * @throws ValueError naming the schedule, the failed check and the iteration
 * @example
 * ```ts
 * checkSchedule(robbinsMonro({ lr: 1, beta: 0.1, alpha: 0.75 })).robbinsMonro.satisfied; // true
 * ```
 */
export function checkSchedule(schedule: Schedule): CheckScheduleReport {
  const checks: string[] = [];
  if (typeof schedule !== 'object' || schedule === null || typeof schedule.at !== 'function') fail({ id: '?' } as Schedule, 'contract', 'not an object with at(i)');
  if (typeof schedule.id !== 'string' || schedule.id === '') fail(schedule, 'contract', 'id must be a non-empty string');
  const json = JSON.stringify(schedule.config);
  if (json === undefined || JSON.stringify(JSON.parse(json)) !== json) fail(schedule, 'contract', 'config does not survive JSON.stringify/parse');
  if (schedule.tail !== undefined && !['power', 'geometric', 'zero'].includes(schedule.tail.kind)) fail(schedule, 'contract', `tail kind is ${String(schedule.tail.kind)}`);
  checks.push('contract');
  for (const i of SAMPLED) {
    const g = schedule.at(i);
    if (typeof g !== 'number' || !Number.isFinite(g) || g < 0) fail(schedule, 'finite non-negative steps', `at(${i}) is ${String(g)}`);
    if (!Object.is(schedule.at(i), g)) fail(schedule, 'deterministic', `at(${i}) gave ${g}, then ${schedule.at(i)}`);
  }
  checks.push('finite non-negative steps', 'deterministic');
  const robbinsMonro = checkRobbinsMonro(schedule);
  checks.push(`robbins-monro ${robbinsMonro.method}: ${robbinsMonro.satisfied ? 'satisfied' : 'not satisfied'}`);
  return { id: schedule.id, checks, robbinsMonro };
}
