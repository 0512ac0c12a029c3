// fast-check generators of expressions, shared by the symbolic and graph tests.
import fc from 'fast-check';
import { sym } from './builders.ts';
import type { Expr, FunctionName } from './expr.ts';
import { FUNCTION_NAMES } from './expr.ts';

const NAMES = ['x', 'y', 'theta1', 'x_2'] as const;

/** Any expression: every node kind, any finite number (negative zero and tiny ones included). */
export const anyExpr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => sym.num(v)),
    fc.constantFrom(...NAMES).map((n) => sym.variable(n)),
    tie('e').map((a) => sym.neg(a)),
    fc.tuple(fc.constantFrom('add', 'sub', 'mul', 'div', 'pow'), tie('e'), tie('e')).map(([k, a, b]) => sym[k](a, b)),
    fc.tuple(fc.constantFrom<FunctionName>(...FUNCTION_NAMES), tie('e')).map(([f, a]) => sym.call(f, a)),
  ),
})).e;

/** Expressions with small constants (integers and halves in [-4, 4]) over x and y. */
export const smallExpr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -8, max: 8 }).map((v) => sym.num(v / 2)),
    fc.constantFrom('x', 'y').map((n) => sym.variable(n)),
    tie('e').map((a) => sym.neg(a)),
    fc.tuple(fc.constantFrom('add', 'sub', 'mul', 'div'), tie('e'), tie('e')).map(([k, a, b]) => sym[k](a, b)),
    fc.tuple(tie('e'), fc.integer({ min: -3, max: 3 })).map(([a, n]) => sym.pow(a, n)),
    fc.tuple(fc.constantFrom<FunctionName>('exp', 'sin', 'cos', 'tanh', 'sigmoid', 'abs', 'relu'), tie('e')).map(([f, a]) => sym.call(f, a)),
  ),
})).e;

/**
 * Smooth expressions of x and y, defined on all of R²: sums, products, integer powers, and
 * exp, sin, cos, tanh, sigmoid, log(1 + u²), sqrt(1 + u²) and u/(1 + u²) of subexpressions.
 */
export const smoothExpr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 4 },
    fc.integer({ min: -6, max: 6 }).map((v) => sym.num(v / 2)),
    fc.constantFrom('x', 'y').map((n) => sym.variable(n)),
    fc.tuple(fc.constantFrom('add', 'sub', 'mul'), tie('e'), tie('e')).map(([k, a, b]) => sym[k](a, b)),
    fc.tuple(tie('e'), fc.integer({ min: 2, max: 3 })).map(([a, n]) => sym.pow(a, n)),
    fc.tuple(fc.constantFrom<FunctionName>('sin', 'cos', 'tanh', 'sigmoid'), tie('e')).map(([f, a]) => sym.call(f, a)),
    tie('e').map((a) => sym.exp(sym.sin(a))),
    tie('e').map((a) => sym.log(sym.add(1, sym.pow(a, 2)))),
    tie('e').map((a) => sym.sqrt(sym.add(1, sym.pow(a, 2)))),
    tie('e').map((a) => sym.div(a, sym.add(1, sym.pow(a, 2)))),
  ),
})).e;

/** A point in [-1.5, 1.5]² for x and y. */
export const smallPoint = fc.record({
  x: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  y: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
});
