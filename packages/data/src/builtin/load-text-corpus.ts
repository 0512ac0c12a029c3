import { GENESIS_TEXT } from './genesis-text.ts';

/** A text shipped in the package, for language models. */
export interface TextCorpus {
  /** A short name, e.g. `genesis`. */
  readonly name: string;
  /** The text, lines separated by `\n`. */
  readonly text: string;
  /** Where it comes from. */
  readonly source: string;
  /** Its licence. */
  readonly license: string;
}

/**
 * A small English corpus for the transformer: the Book of Genesis in the King James Version
 * (1611), one verse per line (1,533 lines, 196,818 characters, 60 distinct). The text is in
 * the public domain; it is taken from Debian's bible-kjv-text package.
 * @returns the corpus with its source and licence
 * @example
 * loadTextCorpus().text.slice(0, 16); // 'In the beginning'
 */
export function loadTextCorpus(): TextCorpus {
  return {
    name: 'genesis',
    text: GENESIS_TEXT,
    source: "The Book of Genesis, King James Version (1611), from Debian's bible-kjv-text package",
    license: 'Public domain (the copyright of the 1611 translation has expired)',
  };
}
