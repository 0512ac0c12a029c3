import { gradlabConfig } from '@gradlab/eslint-config';

// assembly/ is AssemblyScript (v128, load<T>, @inline): asc type-checks it, TypeScript cannot.
export default [{ ignores: ['assembly/**'] }, ...gradlabConfig(import.meta.dirname)];
