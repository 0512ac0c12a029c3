import { applyFunction } from './apply-function.ts';
import { sym } from './builders.ts';
import type { Coef } from './coefficient.ts';
import * as C from './coefficient.ts';
import type { Call, Expr } from './expr.ts';
import { toString } from './to-string.ts';

/*
 * Simplification by normal forms. A sum is read as a constant plus terms c·(product of factors);
 * a product as a coefficient times factors base^exponent. Like factors add their exponents
 * (x·x² = x³, (x+1)/(x+1)² = 1/(x+1)), like terms add their coefficients (x + 2x = 3x), and the
 * result is rebuilt in the order the terms first appeared, with subtraction and division where
 * the signs and exponents are negative. Identities that hold only almost everywhere (x/x = 1,
 * 0·x = 0, x⁰ = 1) are applied, as every computer algebra system does.
 */

/** An exponent: an exact or float constant, or a symbolic expression. */
type Exponent = { readonly c: Coef } | { readonly e: Expr };

interface Factor {
  base: Expr;
  key: string;
  exp: Exponent;
}

interface Product {
  coef: Coef;
  factors: Factor[];
}

interface Term {
  coef: Coef;
  factors: Factor[];
}

interface Sum {
  constant: Coef;
  terms: Map<string, Term>;
}

function constExp(c: Coef): Exponent {
  return { c };
}

function exponentExpr(x: Exponent): Expr {
  return 'c' in x ? coefExpr(x.c) : x.e;
}

/** A constant as an expression: a number when tidy or exact, else the fraction n/d. */
function coefExpr(c: Coef): Expr {
  if (c.d === 1 || C.isTidy(C.value(c))) return sym.num(C.value(c));
  return sym.div(c.n, c.d);
}

/** The value of a constant expression (a number or a fraction of numbers), if it is one. */
function asCoef(e: Expr): Coef | undefined {
  if (e.kind === 'num') return Number.isFinite(e.value) ? C.coef(e.value) : undefined;
  if (e.kind === 'div' && e.left.kind === 'num' && e.right.kind === 'num' && e.right.value !== 0) {
    return C.coef(e.left.value, e.right.value);
  }
  return undefined;
}

function scaleExponent(x: Exponent, k: number): Exponent {
  if ('c' in x) return constExp(C.mul(x.c, C.coef(k)));
  return k === 1 ? x : { e: simplify(sym.mul(k, x.e)) };
}

function addExponents(a: Exponent, b: Exponent): Exponent {
  if ('c' in a && 'c' in b) return constExp(C.add(a.c, b.c));
  const sum = simplify(sym.add(exponentExpr(a), exponentExpr(b)));
  const c = asCoef(sum);
  return c === undefined ? { e: sum } : constExp(c);
}

function addFactor(p: Product, base: Expr, exp: Exponent): void {
  const key = toString(base);
  const existing = p.factors.find((f) => f.key === key);
  if (existing === undefined) p.factors.push({ base, key, exp });
  else existing.exp = addExponents(existing.exp, exp);
}

/** Multiplies `p` by e^k (k an integer). */
function collectProduct(e: Expr, k: number, p: Product): void {
  switch (e.kind) {
    case 'num': {
      const power = Number.isFinite(e.value) ? C.powInt(C.coef(e.value), k) : undefined;
      if (power === undefined) addFactor(p, e, constExp(C.coef(k)));
      else p.coef = C.mul(p.coef, power);
      return;
    }
    case 'var':
      addFactor(p, e, constExp(C.coef(k)));
      return;
    case 'neg':
      if (k % 2 !== 0) p.coef = C.neg(p.coef);
      collectProduct(e.arg, k, p);
      return;
    case 'mul':
      collectProduct(e.left, k, p);
      collectProduct(e.right, k, p);
      return;
    case 'div':
      collectProduct(e.left, k, p);
      collectProduct(e.right, -k, p);
      return;
    case 'pow':
      collectPower(e.left, simplify(e.right), k, p);
      return;
    case 'call': {
      const s = simplifyCall(e);
      if (s.kind === 'call') addFactor(p, s, constExp(C.coef(k)));
      else collectProduct(s, k, p);
      return;
    }
    case 'add':
    case 'sub': {
      const s = simplify(e);
      if (s.kind === 'add' || s.kind === 'sub') addFactor(p, s, constExp(C.coef(k)));
      else collectProduct(s, k, p);
      return;
    }
  }
}

/** Multiplies `p` by (base^exponent)^k. */
function collectPower(base: Expr, exponent: Expr, k: number, p: Product): void {
  if (exponent.kind === 'num' && Number.isInteger(exponent.value)) {
    // (a·b)^n = a^n·b^n and (a^m)^n = a^(m·n) hold for integer n, so the base is opened up.
    if (k * exponent.value !== 0) collectProduct(base, k * exponent.value, p);
    return;
  }
  const b = simplify(base);
  const c = asCoef(exponent);
  if (b.kind === 'num' && c !== undefined) {
    const v = Math.pow(b.value, C.value(c) * k);
    if (C.isTidy(v)) {
      p.coef = C.mul(p.coef, C.coef(v));
      return;
    }
  }
  addFactor(p, b, scaleExponent(c === undefined ? { e: exponent } : constExp(c), k));
}

function productOf(e: Expr): Product {
  const p: Product = { coef: C.ONE, factors: [] };
  collectProduct(e, 1, p);
  p.factors = p.factors.filter((f) => !('c' in f.exp && C.isZero(f.exp.c)));
  return p;
}

function termKey(factors: readonly Factor[]): string {
  return factors
    .map((f) => `${f.key}^${'c' in f.exp ? C.coefKey(f.exp.c) : toString(f.exp.e)}`)
    .sort()
    .join(' * ');
}

/** Adds sign·e to the sum `s`. */
function collectSum(e: Expr, sign: Coef, s: Sum): void {
  if (e.kind === 'add' || e.kind === 'sub') {
    collectSum(e.left, sign, s);
    collectSum(e.right, e.kind === 'sub' ? C.neg(sign) : sign, s);
    return;
  }
  if (e.kind === 'neg') {
    collectSum(e.arg, C.neg(sign), s);
    return;
  }
  const p = productOf(e);
  const coef = C.mul(p.coef, sign);
  const only = p.factors.length === 1 ? p.factors[0] : undefined;
  if (p.factors.length === 0) {
    s.constant = C.add(s.constant, coef);
  } else if (only !== undefined && 'c' in only.exp && C.isOne(only.exp.c) && (only.base.kind === 'add' || only.base.kind === 'sub')) {
    // c·(a + b) = c·a + c·b: a numeric factor is spread over a sum.
    collectSum(only.base, coef, s);
  } else {
    const key = termKey(p.factors);
    const existing = s.terms.get(key);
    if (existing === undefined) s.terms.set(key, { coef, factors: p.factors });
    else existing.coef = C.add(existing.coef, coef);
  }
}

function powerExpr(f: Factor, negate: boolean): Expr {
  let exp = f.exp;
  if (negate && 'c' in exp) exp = constExp(C.neg(exp.c));
  if ('c' in exp && C.isOne(exp.c)) return f.base;
  return sym.pow(f.base, exponentExpr(exp));
}

function product(items: readonly Expr[]): Expr {
  return items.length === 1 ? (items[0] as Expr) : sym.mul(...items);
}

/** Rebuilds coef·∏ factors, with negative constant exponents in a denominator. */
function productExpr(coef: Coef, factors: readonly Factor[]): Expr {
  const negative = C.isNegative(coef);
  const n = Math.abs(coef.n);
  const numer: Expr[] = [];
  const denom: Expr[] = [];
  if (n !== 1) numer.push(sym.num(n));
  if (coef.d !== 1) denom.push(sym.num(coef.d));
  for (const f of factors) {
    if ('c' in f.exp && C.isNegative(f.exp.c)) denom.push(powerExpr(f, true));
    else numer.push(powerExpr(f, false));
  }
  if (numer.length === 0) numer.push(sym.num(1));
  if (negative) {
    const first = numer[0] as Expr;
    numer[0] = first.kind === 'num' ? sym.num(-first.value) : sym.neg(first);
  }
  const top = product(numer);
  return denom.length === 0 ? top : sym.div(top, product(denom));
}

function sumExpr(s: Sum): Expr {
  const terms = [...s.terms.values()].filter((t) => !C.isZero(t.coef));
  const first = terms[0];
  // 1 - x reads better than -x + 1: a positive constant leads when the first term is negative.
  const constantFirst = first !== undefined && C.isNegative(first.coef) && !C.isNegative(s.constant) && !C.isZero(s.constant);
  let acc: Expr | undefined = constantFirst ? coefExpr(s.constant) : undefined;
  for (const t of terms) {
    if (acc === undefined) acc = productExpr(t.coef, t.factors);
    else if (C.isNegative(t.coef)) acc = sym.sub(acc, productExpr(C.neg(t.coef), t.factors));
    else acc = sym.add(acc, productExpr(t.coef, t.factors));
  }
  if (acc === undefined) return coefExpr(s.constant);
  if (C.isZero(s.constant) || constantFirst) return acc;
  return C.isNegative(s.constant) ? sym.sub(acc, coefExpr(C.neg(s.constant))) : sym.add(acc, coefExpr(s.constant));
}

function simplifyCall(e: Call): Expr {
  const arg = simplify(e.arg);
  if (arg.kind === 'num') {
    const v = applyFunction(e.fn, arg.value);
    if (C.isTidy(v)) return sym.num(v);
  }
  if (e.fn === 'log' && arg.kind === 'call' && arg.fn === 'exp') return arg.arg;
  return sym.call(e.fn, arg);
}

/**
 * Simplifies an expression: folds constants (keeping fractions such as 1/3 exact, and leaving
 * `sqrt(2)` unevaluated), applies the identities of 0 and 1, combines like factors into powers
 * and like terms into one, spreads numbers over sums, and cancels `log(exp(u))`.
 *
 * @param expr the expression
 * @returns an equivalent expression (equal wherever the input is defined)
 * @example
 * ```ts
 * import { parse, simplify, toString } from '@gradlab/core-tensor/symbolic';
 * toString(simplify(parse('0*x + 1*y^1 + y + 2^3'))); // '2*y + 8'
 * toString(simplify(parse('2*(x + 1)/(x + 1)^2'))); // '2/(x + 1)'
 * ```
 */
export function simplify(expr: Expr): Expr {
  switch (expr.kind) {
    case 'num':
    case 'var':
      return expr;
    case 'call':
      return simplifyCall(expr);
    default: {
      const s: Sum = { constant: C.ZERO, terms: new Map() };
      collectSum(expr, C.ONE, s);
      return sumExpr(s);
    }
  }
}
