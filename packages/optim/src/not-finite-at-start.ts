import { ValueError } from '@gradlab/core-tensor';

/** The error for a start where g or ∇g is already not finite: no step size is to blame. */
export function notFiniteAtStart(op: string, value: number, gradNorm: number): ValueError {
  return new ValueError('the objective or its gradient is not finite at the starting point', {
    pkg: 'optim',
    op,
    arg: 'theta0',
    expected: 'a finite g(θ0) and ∇g(θ0)',
    received: `g = ${value}, |∇g| = ${gradNorm}`,
    hint: 'start inside the domain of g (e.g. log needs positive arguments)',
  });
}
