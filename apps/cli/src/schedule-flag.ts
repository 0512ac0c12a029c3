import { ValueError } from '@gradlab/core-tensor';
import { scheduleFromSpec, type JsonValue, type Schedule, type ScheduleFactory } from '@gradlab/optim';
import { UsageError } from './cli-error.ts';

/**
 * Reads `--schedule id:key=value,...` (e.g. `robbins-monro:lr=0.5,beta=0.1,alpha=0.75`) into a
 * schedule from `schedules` (the built-ins, or a plugin registry's).
 * @throws UsageError naming the part that cannot be read, an unknown id (listing those on offer),
 *   or the schedule's own complaint about its config
 */
export function parseSchedule(text: string, schedules: Readonly<Record<string, ScheduleFactory>>): Schedule {
  const [id = '', rest] = text.split(':', 2);
  const config: Record<string, JsonValue> = {};
  for (const part of rest === undefined || rest === '' ? [] : rest.split(',')) {
    const [k, v] = part.split('=', 2);
    if (k === undefined || v === undefined) throw new UsageError(`--schedule: cannot read '${part}'; write id:key=value,..., e.g. robbins-monro:lr=0.5,beta=0.1,alpha=0.75`);
    const value = Number(v);
    if (v.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--schedule ${k.trim()}: '${v}' is not a number`);
    config[k.trim()] = value;
  }
  if (!Object.hasOwn(schedules, id)) throw new UsageError(`--schedule: unknown schedule '${id}'; choose one of ${Object.keys(schedules).join(', ')}`);
  try {
    return scheduleFromSpec({ id, config }, schedules);
  } catch (error) {
    if (error instanceof ValueError) throw new UsageError(error.message);
    throw error;
  }
}
