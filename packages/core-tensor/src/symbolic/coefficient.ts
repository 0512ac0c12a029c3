/**
 * Numeric coefficients for `simplify`: exact fractions n/d while numerator and denominator stay
 * safe integers (so `x/3 + x/3` is `2*x/3`, not `0.6666666666666666*x`), plain floats otherwise.
 */
export interface Coef {
  /** Numerator (any float when `d` is 1 and the value is not an exact fraction). */
  readonly n: number;
  /** Denominator, a positive integer. */
  readonly d: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** The coefficient n/d, reduced when both are safe integers, else the float quotient. */
export function coef(n: number, d = 1): Coef {
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d) && d !== 0) {
    const g = gcd(n, d) || 1;
    const s = d < 0 ? -1 : 1;
    return { n: (s * n) / g + 0, d: (s * d) / g };
  }
  return { n: n / d, d: 1 };
}

export const ZERO: Coef = coef(0);
export const ONE: Coef = coef(1);

export function value(c: Coef): number {
  return c.n / c.d;
}

export function isZero(c: Coef): boolean {
  return c.n === 0;
}

export function isOne(c: Coef): boolean {
  return c.n === 1 && c.d === 1;
}

export function isNegative(c: Coef): boolean {
  return c.n < 0;
}

export function add(a: Coef, b: Coef): Coef {
  return coef(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function mul(a: Coef, b: Coef): Coef {
  return coef(a.n * b.n, a.d * b.d);
}

export function neg(c: Coef): Coef {
  return { n: -c.n + 0, d: c.d };
}

/** c^k for an integer k; undefined for 0 to a negative power. */
export function powInt(c: Coef, k: number): Coef | undefined {
  if (k < 0) {
    if (c.n === 0) return undefined;
    return coef(c.d ** -k, c.n ** -k);
  }
  return coef(c.n ** k, c.d ** k);
}

/** Whether `v` is a finite number with at most 6 significant digits (worth folding into). */
export function isTidy(v: number): boolean {
  return Number.isFinite(v) && Number(v.toPrecision(6)) === v;
}

/** A key that tells equal coefficients apart from unequal ones. */
export function coefKey(c: Coef): string {
  return c.d === 1 ? String(c.n) : `${c.n}/${c.d}`;
}
