import type { Linter } from 'eslint';
export declare function gradlabConfig(tsconfigRootDir: string): Linter.Config[];
