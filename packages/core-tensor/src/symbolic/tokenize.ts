import { ParseError } from './parse-error.ts';

/** One lexical token of an expression, with its 1-based column. */
export type Token =
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly column: number }
  | { readonly type: 'ident'; readonly text: string; readonly column: number }
  | { readonly type: 'op'; readonly text: '+' | '-' | '*' | '/' | '^' | '(' | ')'; readonly column: number }
  | { readonly type: 'end'; readonly text: ''; readonly column: number };

// A decimal number with optional fraction and exponent: 2, 2.5, .5, 1e-3, 6.02E+23.
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[\p{L}_][\p{L}\p{N}_]*/uy;
const SPACE = /\s+/y;

/**
 * Splits `source` into tokens. `**` is read as `^` (the Python spelling of a power).
 * @throws ParseError at the first character that starts no token
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    SPACE.lastIndex = i;
    if (SPACE.test(source)) {
      i = SPACE.lastIndex;
      continue;
    }
    const column = i + 1;
    NUMBER.lastIndex = i;
    const n = NUMBER.exec(source);
    if (n !== null) {
      tokens.push({ type: 'number', value: Number(n[0]), text: n[0], column });
      i = NUMBER.lastIndex;
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(source);
    if (id !== null) {
      tokens.push({ type: 'ident', text: id[0], column });
      i = IDENT.lastIndex;
      continue;
    }
    if (source.startsWith('**', i)) {
      tokens.push({ type: 'op', text: '^', column });
      i += 2;
      continue;
    }
    const c = source.charAt(i);
    if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^' || c === '(' || c === ')') {
      tokens.push({ type: 'op', text: c, column });
      i += 1;
      continue;
    }
    throw new ParseError(`unexpected character '${c}'`, {
      source,
      column,
      expected: 'a number, a name, an operator (+ - * / ^) or a parenthesis',
      received: `'${c}'`,
    });
  }
  tokens.push({ type: 'end', text: '', column: source.length + 1 });
  return tokens;
}
