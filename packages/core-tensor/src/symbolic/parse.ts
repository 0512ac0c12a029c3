import { ValueError } from '../errors.ts';
import { sym } from './builders.ts';
import type { Expr } from './expr.ts';
import { FUNCTION_NAMES, isFunctionName } from './expr.ts';
import { ParseError } from './parse-error.ts';
import type { Token } from './tokenize.ts';
import { tokenize } from './tokenize.ts';

function describe(t: Token): string {
  if (t.type === 'end') return 'end of input';
  return `'${t.text}'`;
}

/**
 * A recursive-descent parser over the grammar
 *
 * ```
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | power
 * power   := primary ('^' unary)?          (right-associative: a^b^c = a^(b^c))
 * primary := number | name | name '(' sum ')' | '(' sum ')'
 * ```
 *
 * so that `-x^2` is `-(x^2)`, `2^-1` is allowed, and `-3` is the literal −3.
 */
class Parser {
  private pos = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'end') this.pos += 1;
    return t;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.text === text;
  }

  parseAll(): Expr {
    if (this.peek().type === 'end') {
      throw new ParseError('empty expression', { source: this.source, column: 1, expected: 'an expression', received: 'nothing' });
    }
    const e = this.sum();
    const t = this.peek();
    if (t.type !== 'end') {
      const juxtaposed = t.type === 'number' || t.type === 'ident' || (t.type === 'op' && t.text === '(');
      throw new ParseError(`unexpected ${describe(t)}`, {
        source: this.source,
        column: t.column,
        expected: 'an operator or end of input',
        received: describe(t),
        ...(juxtaposed ? { hint: 'products need an explicit *, e.g. 2*x instead of 2x' } : {}),
      });
    }
    return e;
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text;
      const right = this.product();
      left = op === '+' ? sym.add(left, right) : sym.sub(left, right);
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.next().text;
      const right = this.unary();
      left = op === '*' ? sym.mul(left, right) : sym.div(left, right);
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      this.next();
      const start = this.pos;
      const arg = this.unary();
      // A minus sign directly on a number token is part of the literal: `-3` is the number −3,
      // while `-(3)` and `-3^2` stay negations.
      return arg.kind === 'num' && this.pos === start + 1 ? sym.num(-arg.value) : sym.neg(arg);
    }
    if (this.isOp('+')) {
      this.next();
      return this.unary();
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (this.isOp('^')) {
      this.next();
      return sym.pow(base, this.unary());
    }
    return base;
  }

  private primary(): Expr {
    const t = this.next();
    if (t.type === 'number') return sym.num(t.value);
    if (t.type === 'ident') return this.nameOrCall(t);
    if (t.type === 'op' && t.text === '(') {
      const inner = this.sum();
      this.expectClose(t.column);
      return inner;
    }
    throw new ParseError(`unexpected ${describe(t)}`, {
      source: this.source,
      column: t.column,
      expected: 'a number, a name, a function call or (',
      received: describe(t),
    });
  }

  private nameOrCall(t: Token & { type: 'ident' }): Expr {
    const name = t.text;
    if (this.isOp('(')) {
      if (!isFunctionName(name)) {
        throw new ParseError(`unknown function '${name}'`, {
          source: this.source,
          column: t.column,
          expected: `one of ${FUNCTION_NAMES.join(', ')}`,
          received: `'${name}'`,
          hint: `for a product write ${name}*(...)`,
        });
      }
      const open = this.next();
      const arg = this.sum();
      this.expectClose(open.column);
      return sym.call(name, arg);
    }
    if (isFunctionName(name)) {
      throw new ParseError(`'${name}' is a function and needs an argument`, {
        source: this.source,
        column: t.column + name.length,
        expected: '(',
        received: describe(this.peek()),
        hint: `write ${name}(x)`,
      });
    }
    return sym.variable(name);
  }

  private expectClose(openColumn: number): void {
    const t = this.peek();
    if (t.type === 'op' && t.text === ')') {
      this.next();
      return;
    }
    throw new ParseError(`missing ')' for the '(' in column ${openColumn}`, {
      source: this.source,
      column: t.column,
      expected: "')'",
      received: describe(t),
    });
  }
}

/**
 * Parses a scalar expression of named variables, such as `"theta1^2 + 2*theta2^2 - theta3^2"`.
 *
 * Operators `+ - * / ^` (also `**`) with the usual precedence, unary minus, right-associative
 * powers, parentheses, numbers (`2`, `0.5`, `.5`, `1e-3`), names (a letter or `_`, then letters,
 * digits or `_`) and calls of `exp log sqrt sin cos tanh sigmoid relu abs step sign`.
 *
 * @param source the text of the expression
 * @returns the expression tree
 * @throws ParseError (a `ValueError`) with the 1-based `column` of the problem and a caret line
 * @example
 * ```ts
 * import { parse, toString } from '@gradlab/core-tensor/symbolic';
 * toString(parse('log((x1 + 2*x2)^2)')); // 'log((x1 + 2*x2)^2)'
 * parse('theta1 +');                     // throws ParseError, column 9
 * ```
 */
export function parse(source: string): Expr {
  if (typeof source !== 'string') {
    throw new ValueError('the expression must be a string', { op: 'parse', arg: 'source', expected: 'string', received: typeof source });
  }
  return new Parser(source, tokenize(source)).parseAll();
}
