/**
 * The ₂F₁ row evaluation of the Pareto/NBD likelihood: the function G behind the integral of Fader &
 * Hardie (2005, "A note on deriving the Pareto/NBD model and related expressions"), rewritten with
 * Euler's transformation so that the ₂F₁ has a unit first parameter, in logs, with its
 * log-derivatives with respect to p, q, α and β; and the bare ₂F₁(1, b; c; z) that P(alive) needs.
 * The strategy (series below z = 0.999, Gauss's continued fraction above) is described in
 * `docs/numerics.md`, "Pareto/NBD likelihood".
 * @internal
 * @module
 */
import { logHyp2f1 } from "../../math/hypergeometric.js";
import { unitHypergeometric } from "../../math/unitHypergeometric.js";

/** Most terms of the G series (reached only when z is extremely close to 1). */
const MAX_G_TERMS = 1_000_000;

/** ln ₂F₁(1, b; A + b; z) by Gauss's continued fraction ({@link unitHypergeometric}). */
function lnUnitFraction(A: number, b: number, z: number): number {
  return Math.log(unitHypergeometric(A, b, z));
}

/** Number of values {@link seriesG} writes: ln G, ∂ln G/∂p, ∂ln G/∂q, ∂ln G/∂α, ∂ln G/∂β. */
export const G_STRIDE = 5;

/**
 * G_{p,q}(τ) in logs and (with `derivatives`) the derivatives of ln G with respect to p, q, α, β,
 * written into `out[at … at+4]` (the caller owns `out`; nothing is kept between calls):
 * α ≥ β: G = ₂F₁(1, p; p+q; z)(α+τ)^{−p}(β+τ)^{−(q−1)}, z = (α−β)/(α+τ);
 * α < β: G = ₂F₁(1, q; p+q; z)(α+τ)^{−(p−1)}(β+τ)^{−q}, z = (β−α)/(β+τ).
 * The ₂F₁ has positive terms with ratio below z, so the tail after a term h is below h·z/(1−z).
 * Its parameter derivatives are summed in the same loop (running sums D^p_k, D^q_k of the term
 * ratios' logarithmic derivatives), and so is z·dH/dz = Σ k h_k, which gives ∂/∂α and ∂/∂β through
 * ∂z/∂α, ∂z/∂β (this replaces the shifted integrals ∂I/∂α = −p I(p+1, q), ∂I/∂β = −q I(p, q+1)).
 * `I(p, q) = ∫_{t_x}^{T} (α+τ)^{−p}(β+τ)^{−q} dτ = (G(t_x) − G(T)) / (p + q − 1)`.
 * @internal
 */
export function seriesG(
  p: number,
  q: number,
  alpha: number,
  beta: number,
  tau: number,
  lnAlphaTau: number,
  lnBetaTau: number,
  derivatives: boolean,
  out: Float64Array,
  at: number,
): void {
  const upper = alpha >= beta;
  const aT = alpha + tau;
  const bT = beta + tau;
  const z = upper ? (alpha - beta) / aT : (beta - alpha) / bT;
  const b0 = upper ? p : q;
  const c = p + q;
  // ln H and (with derivatives) ∂ ln H/∂p, ∂ ln H/∂q, ∂ ln H/∂z.
  let lnH = 0;
  let dHp = 0;
  let dHq = 0;
  let dHz = b0 / c; // the value at z = 0
  if (derivatives ? z > 0.9999 : z > 0.999) {
    // Close to 1 (β ≪ α, or α ≪ β at short ages) the series needs ~37/(1 − z) terms; Gauss's
    // continued fraction for a unit parameter needs far fewer. Beyond z = 0.9999 the derivatives
    // (needed only when an optimiser visits such extreme parameter ratios, β/α < 10⁻⁴ on times
    // scaled to max T = 1) are taken by central differences of the continued fraction: relative
    // accuracy ≈ 1e-9 for ln H, less for the gradient when t_x ≈ T. The continued fraction is
    // called directly (c > b₀ > 0 always holds here): the general ₂F₁ routine would first apply
    // Euler's transformation when c − 1 − b₀ < 0 and lose the unit parameter, and then sum up to
    // millions of series terms (seconds per likelihood evaluation for t_x = 0 and α ≪ β).
    const A0 = upper ? q : p; // ₂F₁(1, b₀; A₀ + b₀; z), A₀ = c − b₀ exactly
    lnH = lnUnitFraction(A0, b0, z);
    if (derivatives) {
      const hp = 1e-5 * p;
      const hq = 1e-5 * q;
      const hz = 1e-3 * (1 - z);
      const bp = upper ? hp : 0; // b₀ = p moves with p when α ≥ β, b₀ = q with q otherwise
      const bq = upper ? 0 : hq;
      dHp =
        (lnUnitFraction(A0 + hp - bp, b0 + bp, z) - lnUnitFraction(A0 - hp + bp, b0 - bp, z)) /
        (2 * hp);
      dHq =
        (lnUnitFraction(A0 + hq - bq, b0 + bq, z) - lnUnitFraction(A0 - hq + bq, b0 - bq, z)) /
        (2 * hq);
      dHz = (lnUnitFraction(A0, b0, z + hz) - lnUnitFraction(A0, b0, z - hz)) / (2 * hz);
    }
  } else if (z > 0) {
    let h = 1;
    let H = 1;
    let Dp = 0;
    let Dq = 0;
    let SDp = 0;
    let SDq = 0;
    let SK = 0; // Σ k h_k = z H'(z)
    const stop = 1e-17 * (1 - z);
    for (let k = 0; k < MAX_G_TERMS; k++) {
      if (derivatives) {
        const inv = 1 / (c + k);
        if (upper) {
          Dp += 1 / (p + k) - inv;
          Dq -= inv;
        } else {
          Dp -= inv;
          Dq += 1 / (q + k) - inv;
        }
      }
      h *= ((b0 + k) * z) / (c + k);
      H += h;
      if (derivatives) {
        SDp += h * Dp;
        SDq += h * Dq;
        SK += (k + 1) * h;
      }
      if (h * z <= stop * H) break;
    }
    lnH = Math.log(H);
    if (derivatives) {
      dHp = SDp / H;
      dHq = SDq / H;
      dHz = SK / (z * H);
    }
  }
  out[at] = upper
    ? lnH - p * lnAlphaTau - (q - 1) * lnBetaTau
    : lnH - (p - 1) * lnAlphaTau - q * lnBetaTau;
  if (!derivatives) return;
  out[at + 1] = dHp - lnAlphaTau;
  out[at + 2] = dHq - lnBetaTau;
  if (upper) {
    // z = (α−β)/(α+τ): ∂z/∂α = (β+τ)/(α+τ)², ∂z/∂β = −1/(α+τ)
    out[at + 3] = (dHz * bT) / (aT * aT) - p / aT;
    out[at + 4] = -dHz / aT - (q - 1) / bT;
  } else {
    // z = (β−α)/(β+τ): ∂z/∂α = −1/(β+τ), ∂z/∂β = (α+τ)/(β+τ)²
    out[at + 3] = -dHz / bT - (p - 1) / aT;
    out[at + 4] = (dHz * aT) / (bT * bT) - q / bT;
  }
}

/**
 * ₂F₁(1, b; c; z) for 0 ≤ z < 1, c > b > 0: the positive series of G, or (z > 0.999) the general
 * routine, which takes Gauss's continued fraction there.
 * @internal
 */
export function hypergeometricH(b: number, c: number, z: number): number {
  if (z === 0) return 1;
  if (z > 0.999) return Math.exp(logHyp2f1(1, b, c, z));
  let h = 1;
  let H = 1;
  const stop = 1e-17 * (1 - z);
  for (let k = 0; k < MAX_G_TERMS; k++) {
    h *= ((b + k) * z) / (c + k);
    H += h;
    if (h * z <= stop * H) break;
  }
  return H;
}
