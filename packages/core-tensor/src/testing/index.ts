// @gradlab/core-tensor/testing: checkers any test runner can use (they throw or return reports).
export { gradCheck, GradCheckError } from './grad-check.ts';
export type { GradCheckOptions, GradCheckReport, GradCheckInputReport } from './grad-check.ts';
export { expectClose, NotCloseError } from './expect-close.ts';
export type { CloseOptions, Comparable } from './expect-close.ts';
export { checkBackend } from './check-backend.ts';
export type { BackendCheckReport } from './check-backend.ts';
