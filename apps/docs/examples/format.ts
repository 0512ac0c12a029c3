// How the demos print a number (shared with their tests, which compare the page's text with Node).

/**
 * A number as the pages show it: 6 significant digits, trailing zeros dropped (`NaN` and
 * `Infinity` as themselves).
 * @param v the number
 * @returns its text
 * @example
 * formatNumber(0.04808164); // '0.0480816'
 */
export function formatNumber(v: number): string {
  return String(Number(v.toPrecision(6)));
}
