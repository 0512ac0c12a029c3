import type { ESLint, Rule } from 'eslint';
export declare const LAYERS: Readonly<Record<string, number>>;
export declare function workspaceOf(filename: string): string | undefined;
export declare const layersRule: Rule.RuleModule;
export declare const layersPlugin: ESLint.Plugin;
