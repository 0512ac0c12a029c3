import type { Reporter } from 'vitest/node';
export declare class PlainReporter implements Reporter {}
