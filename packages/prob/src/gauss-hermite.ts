/**
 * Gauss–Hermite quadrature: nodes z_i and weights w_i with ∫ e^{−z²} g(z) dz ≈ Σ w_i g(z_i), exact
 * for polynomials g of degree up to 2n − 1. The nodes are the roots of the Hermite polynomial H_n,
 * found by bracketing the sign changes of the orthonormal Hermite functions and refining with
 * Newton's method; w_i = 2 / p_n'(z_i)² for the orthonormal p_n (p_n' = √(2n) p_{n−1}).
 * @param n the number of nodes, 1 to 100
 * @returns `{ nodes, weights }`, nodes ascending
 * @example
 * const { nodes, weights } = gaussHermite(3);
 * weights.reduce((s, w) => s + w, 0); // √π
 */
export function gaussHermite(n: number): { nodes: number[]; weights: number[] } {
  // p_0..p_n by the three-term recurrence of the orthonormal Hermite polynomials (weight e^{−z²}).
  const values = (z: number): { pn: number; pn1: number } => {
    let prev = 0;
    let cur = Math.PI ** -0.25;
    for (let j = 1; j <= n; j++) {
      const next = z * Math.sqrt(2 / j) * cur - Math.sqrt((j - 1) / j) * prev;
      prev = cur;
      cur = next;
    }
    return { pn: cur, pn1: prev };
  };
  const nodes: number[] = [];
  const bound = Math.sqrt(2 * n + 1) + 1;
  const steps = 200 * n;
  let a = -bound;
  let fa = values(a).pn;
  for (let s = 1; s <= steps && nodes.length < n; s++) {
    const b = -bound + (2 * bound * s) / steps;
    const fb = values(b).pn;
    if (fa === 0 || fa * fb < 0) {
      let z = fa === 0 ? a : (a + b) / 2;
      for (let it = 0; it < 100; it++) {
        const { pn, pn1 } = values(z);
        const dz = pn / (Math.sqrt(2 * n) * pn1);
        z -= dz;
        if (Math.abs(dz) <= 1e-15 * Math.max(1, Math.abs(z))) break;
      }
      nodes.push(z);
    }
    a = b;
    fa = fb;
  }
  const weights = nodes.map((z) => 2 / (2 * n * values(z).pn1 ** 2));
  return { nodes, weights };
}
