import type { Expr, FunctionName } from './expr.ts';
import { formatNumber, precedence } from './to-string.ts';

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
  'nu', 'xi', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

const FUNCTIONS: Record<FunctionName, (arg: string) => string> = {
  exp: (a) => `\\exp\\left(${a}\\right)`,
  log: (a) => `\\log\\left(${a}\\right)`,
  sqrt: (a) => `\\sqrt{${a}}`,
  sin: (a) => `\\sin\\left(${a}\\right)`,
  cos: (a) => `\\cos\\left(${a}\\right)`,
  tanh: (a) => `\\tanh\\left(${a}\\right)`,
  sigmoid: (a) => `\\sigma\\left(${a}\\right)`,
  relu: (a) => `\\operatorname{relu}\\left(${a}\\right)`,
  abs: (a) => `\\left|${a}\\right|`,
  step: (a) => `\\operatorname{step}\\left(${a}\\right)`,
  sign: (a) => `\\operatorname{sign}\\left(${a}\\right)`,
};

function stem(s: string): string {
  if (GREEK.has(s)) return `\\${s}`;
  return s.length === 1 ? s : `\\mathrm{${s.replace(/_/g, '\\_')}}`;
}

/** `theta1` → `\theta_{1}`, `x_i` → `x_{i}`, `rate` → `\mathrm{rate}`. */
function latexName(name: string): string {
  const underscore = /^([\p{L}]+)_([\p{L}\p{N}]+)$/u.exec(name);
  if (underscore !== null) return `${stem(underscore[1] as string)}_{${underscore[2] as string}}`;
  const digits = /^([\p{L}]+?)(\d+)$/u.exec(name);
  if (digits !== null) return `${stem(digits[1] as string)}_{${digits[2] as string}}`;
  return stem(name);
}

function latexNumber(v: number): string {
  const s = formatNumber(v);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  return `${m[1] as string} \\times 10^{${Number(m[2])}}`;
}

function wrap(e: Expr, min: number): string {
  const s = toLatex(e);
  return precedence(e) < min ? `\\left(${s}\\right)` : s;
}

/** Whether the printed form of `e` starts with a digit (then `2 \cdot 3` needs the dot). */
function startsWithDigit(e: Expr): boolean {
  if (e.kind === 'num') return true;
  if (e.kind === 'mul' || e.kind === 'div') return startsWithDigit(e.left);
  if (e.kind === 'pow') return startsWithDigit(e.left);
  return false;
}

/**
 * Prints an expression as LaTeX: fractions as `\frac`, powers as superscripts, trailing digits of
 * names as subscripts (`theta1` → `\theta_{1}`), a number times a name by juxtaposition.
 *
 * @param expr the expression
 * @returns LaTeX source (math mode, without delimiters)
 * @example
 * ```ts
 * import { parse, toLatex } from '@gradlab/core-tensor/symbolic';
 * toLatex(parse('theta1^2 + 2*theta2^2 - theta3^2')); // '\\theta_{1}^{2} + 2 \\theta_{2}^{2} - \\theta_{3}^{2}'
 * ```
 */
export function toLatex(expr: Expr): string {
  switch (expr.kind) {
    case 'num':
      return latexNumber(expr.value);
    case 'var':
      return latexName(expr.name);
    case 'call':
      return FUNCTIONS[expr.fn](toLatex(expr.arg));
    case 'neg':
      return `-${expr.arg.kind === 'num' ? `\\left(${toLatex(expr.arg)}\\right)` : wrap(expr.arg, 4)}`;
    case 'add':
      return `${wrap(expr.left, 1)} + ${wrap(expr.right, 2)}`;
    case 'sub':
      return `${wrap(expr.left, 1)} - ${wrap(expr.right, 2)}`;
    case 'mul': {
      const left = wrap(expr.left, 2);
      const right = wrap(expr.right, 3);
      const juxtapose = expr.left.kind === 'num' && !startsWithDigit(expr.right) && expr.right.kind !== 'neg';
      return juxtapose ? `${left} ${right}` : `${left} \\cdot ${right}`;
    }
    case 'div':
      return `\\frac{${toLatex(expr.left)}}{${toLatex(expr.right)}}`;
    case 'pow':
      return `${expr.left.kind === 'call' && expr.left.fn !== 'abs' && expr.left.fn !== 'sqrt' ? `\\left(${toLatex(expr.left)}\\right)` : wrap(expr.left, 5)}^{${toLatex(expr.right)}}`;
  }
}
