import type { Expr } from './expr.ts';

const collator = new Intl.Collator('en', { numeric: true });

/**
 * The names of the variables an expression depends on, each once, in natural order
 * (`theta2` before `theta10`).
 *
 * @param expr the expression
 * @returns the sorted variable names
 * @example
 * ```ts
 * import { parse, variables } from '@gradlab/core-tensor/symbolic';
 * variables(parse('theta3^2 + theta1*x')); // ['theta1', 'theta3', 'x']
 * ```
 */
export function variables(expr: Expr): string[] {
  const names = new Set<string>();
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'num':
        return;
      case 'var':
        names.add(e.name);
        return;
      case 'neg':
      case 'call':
        visit(e.arg);
        return;
      default:
        visit(e.left);
        visit(e.right);
    }
  };
  visit(expr);
  return [...names].sort((a, b) => collator.compare(a, b));
}

/** Whether `expr` mentions the variable `name`. */
export function dependsOn(expr: Expr, name: string): boolean {
  switch (expr.kind) {
    case 'num':
      return false;
    case 'var':
      return expr.name === name;
    case 'neg':
    case 'call':
      return dependsOn(expr.arg, name);
    default:
      return dependsOn(expr.left, name) || dependsOn(expr.right, name);
  }
}
