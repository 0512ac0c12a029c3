// @gradlab/core-tensor/symbolic: expressions of named variables, differentiated by the rules of
// calculus, printed as text and LaTeX, and compiled to tensor functions for autodiff.
export { FUNCTION_NAMES, exprEquals, isFunctionName } from './expr.ts';
export type { Binary, BinaryKind, Call, Expr, FunctionName, Neg, Num, Var } from './expr.ts';
export { sym } from './builders.ts';
export type { ExprLike } from './builders.ts';
export { parse } from './parse.ts';
export { ParseError } from './parse-error.ts';
export type { ParseErrorDetails } from './parse-error.ts';
export { toString } from './to-string.ts';
export { toLatex } from './to-latex.ts';
export { evaluate } from './evaluate.ts';
export type { Point } from './evaluate.ts';
export { variables } from './variables.ts';
export { simplify } from './simplify.ts';
export { differentiate, gradient } from './differentiate.ts';
export type { DifferentiateOptions } from './differentiate.ts';
export { compile } from './compile.ts';
export type { CompiledExpr, CompiledInput } from './compile.ts';
export { compareGradients } from './compare-gradients.ts';
export type { CompareGradientsOptions, GradientComparison, GradientDifference, GradientMethod } from './compare-gradients.ts';
