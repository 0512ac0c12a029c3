import { ValueError } from '../errors.ts';

/** The fields of a {@link ParseError} besides those of every gradlab error. */
export interface ParseErrorDetails {
  /** The text that was parsed. */
  source: string;
  /** 1-based column (in UTF-16 code units) where the problem was found. */
  column: number;
  /** What the parser expected there, in words. */
  expected?: string;
  /** What it found there, in words. */
  received?: string;
  /** A hint for a common fix. */
  hint?: string;
}

/**
 * A string that is not a valid expression. The message names the column and ends with the
 * source and a caret under the offending character:
 *
 * ```
 * [gradlab/core-tensor] parse: unexpected ')' at column 9 (expected a number, a name, a function call or (; received ')')
 *   theta1 +)
 *           ^
 * ```
 */
export class ParseError extends ValueError {
  /** 1-based column of the problem. */
  readonly column: number;
  /** The text that was parsed. */
  readonly source: string;
  /** Two lines: the source, and a caret under the column. */
  readonly caret: string;

  /**
   * @param summary what is wrong, without the column (it is added)
   * @param details where and what
   */
  constructor(summary: string, details: ParseErrorDetails) {
    super(`${summary} at column ${details.column}`, {
      op: 'parse',
      ...(details.expected === undefined ? {} : { expected: details.expected }),
      ...(details.received === undefined ? {} : { received: details.received }),
      ...(details.hint === undefined ? {} : { hint: details.hint }),
    });
    this.column = details.column;
    this.source = details.source;
    this.caret = `  ${details.source}\n  ${' '.repeat(Math.max(0, details.column - 1))}^`;
    this.message = `${this.message}\n${this.caret}`;
  }
}
