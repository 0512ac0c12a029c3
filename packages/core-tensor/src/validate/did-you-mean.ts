import { ValueError } from '../errors.ts';
import { describeType } from './arg-ref.ts';
import { checkElementCount } from './element-cap.ts';

/** Levenshtein edit distance (insertions, deletions, substitutions), case-insensitive. */
function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length] as number;
}

/**
 * The candidate closest to `name` when it is close enough to be a likely typo (edit distance at
 * most a third of the name's length, at least 1), else undefined.
 * @param name what the user wrote, e.g. `learningRate`
 * @param candidates the accepted names
 * @returns the suggestion, or undefined
 * @example
 * didYouMean('reductoin', ['reduction', 'delta']); // 'reduction'
 */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  if (typeof name !== 'string') throw new ValueError('name must be a string', { op: 'didYouMean', arg: 'name', expected: 'a string', received: describeType(name) });
  const list: unknown = candidates;
  if (!Array.isArray(list) || list.some((c) => typeof c !== 'string')) throw new ValueError('candidates must be an array of strings', { op: 'didYouMean', arg: 'candidates', expected: 'string[]', received: describeType(list) });
  checkElementCount(candidates.length * (name.length + 1), { op: 'didYouMean', arg: 'candidates' });
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}
