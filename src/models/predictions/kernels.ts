import { type InvalidInputError, invalidInput } from "../../core/errors.js";
import { regularizedIncompleteBeta } from "../../math/incompleteBeta.js";
import {
  bgNbdAliveAfterIfAlive,
  bgNbdConditionalExpected,
  bgNbdDertIfAlive,
  bgNbdExpected,
  bgNbdExpectedIfAlive,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  type DropoutShift,
} from "../bgNbd/bgNbdMath.js";
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdDert,
  paretoNbdDertIfAlive,
  paretoNbdExpectedIfAlive,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
} from "../paretoNbd/fitParetoNbd.js";
import type { BgNbdParams, ParetoNbdParams, PurchaseModel } from "../types.js";

/** The per-customer mathematics of one continuous-time purchase model. @internal */
export interface PurchaseKernel {
  probabilityAlive(x: number, tx: number, T: number): number;
  conditionalExpected(x: number, tx: number, T: number, t: number): number;
  expected(t: number): number;
  purchaseCountProbability(n: number, t: number): number;
  dert(x: number, tx: number, T: number, delta: number): number;
  /** Probability that a customer alive at T with x repeat purchases buys nothing in the next t. */
  noPurchaseIfAlive(x: number, T: number, t: number): number;
  /**
   * P(X(T, T+t] = n | alive at T, x): the purchase-count PMF of the posterior customer (the model's
   * new-customer PMF at the posterior parameters).
   */
  purchaseCountIfAlive(n: number, x: number, T: number, t: number): number;
  /** P(alive at T + t | alive at T, x): survival through the next t. */
  aliveAfterIfAlive(x: number, T: number, t: number): number;
  /**
   * When the model factorises as P(alive | x, t_x, T)·g(x, T), the factor g of the conditional
   * expectation (lets batch paths compute g once per distinct (x, T)).
   */
  expectedIfAlive?: (x: number, T: number, t: number) => number;
  /** Likewise for DERT. */
  dertIfAlive?: (x: number, T: number, delta: number) => number;
}

/**
 * The region the BG/NBD numerics cannot serve: the Beta-mixture quadrature of E[Y(t)] (and the
 * DERT quadrature) would need more than 100,000 nodes, which happens only when a Beta shape (a, or
 * b + x + m) is below ≈ 2·10⁻³ and the fast series does not apply (docs/numerics.md). Thrown as an
 * InvalidInputError naming the smaller shape parameter, never returned as a number.
 */
function unserved(
  fn: string,
  path: readonly PropertyKey[],
  q: BgNbdParams,
  shapeB: number,
): InvalidInputError {
  const name = q.a <= shapeB ? "a" : "b";
  return invalidInput(
    fn,
    [...path, "params", name],
    `The BG/NBD numerics cannot serve this prediction: the Beta shape ${name} = ${q[name]} is too small (below about 2e-3) for this customer and horizon`,
    "unsupported",
    q[name],
  );
}

/**
 * Largest posterior purchase rate per discounting horizon, E[λ | x, T]/δ = (r + x)/((α + T)·δ), the
 * BG/NBD DERT serves. Its continued fraction needs about 14·√(λ/δ) steps per quadrature node, so
 * 10⁸ (a customer buying a hundred million times within the discounting horizon 1/δ; the CDNOW
 * customers are near 20) keeps a customer within milliseconds. Beyond it the rate has run off to
 * infinity and the answer is the model's limit, not a number the quadrature can certify.
 */
const MAX_RATE_PER_DISCOUNT_HORIZON = 1e8;

function bgKernel(
  q: BgNbdParams,
  m: DropoutShift,
  fn: string,
  path: readonly PropertyKey[],
): PurchaseKernel {
  const served = (value: number, x: number): number => {
    if (Number.isNaN(value)) throw unserved(fn, path, q, q.b + x + m);
    return value;
  };
  const dertIfAlive = (x: number, T: number, delta: number): number => {
    const rate = (q.r + x) / ((q.alpha + T) * delta);
    if (!(rate <= MAX_RATE_PER_DISCOUNT_HORIZON)) {
      throw invalidInput(
        fn,
        [...path, "params", "r"],
        `The BG/NBD DERT numerics serve a posterior purchase rate of at most ${MAX_RATE_PER_DISCOUNT_HORIZON} purchases per discounting horizon 1/δ; (r + x)/((α + T)·δ) = ${rate.toPrecision(3)} here (r = ${q.r}, α = ${q.alpha})`,
        "unsupported",
        q.r,
      );
    }
    return served(bgNbdDertIfAlive(q, m, x, T, delta), x);
  };
  return {
    probabilityAlive: (x, tx, T) => bgNbdProbabilityAlive(q, m, x, tx, T),
    conditionalExpected: (x, tx, T, t) => served(bgNbdConditionalExpected(q, m, x, tx, T, t), x),
    expected: (t) => served(bgNbdExpected(q, m, t), 0),
    purchaseCountProbability: (n, t) =>
      bgNbdPurchaseCountProbability(q, m, n, t, regularizedIncompleteBeta),
    dert: (x, tx, T, delta) => {
      const alive = bgNbdProbabilityAlive(q, m, x, tx, T);
      return alive === 0 ? 0 : alive * dertIfAlive(x, T, delta);
    },
    // Drop-out happens only at a purchase: no purchase means none of the Poisson events occurs.
    noPurchaseIfAlive: (x, T, t) => Math.exp((q.r + x) * Math.log1p(-t / (q.alpha + T + t))),
    // Given alive at T the future is a BG/NBD process (drop-out only after a purchase) with
    // λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x + m): the BG/NBD PMF at those parameters.
    purchaseCountIfAlive: (n, x, T, t) =>
      bgNbdPurchaseCountProbability(
        { r: q.r + x, alpha: q.alpha + T, a: q.a, b: q.b + x + m },
        0,
        n,
        t,
        regularizedIncompleteBeta,
      ),
    aliveAfterIfAlive: (x, T, t) => served(bgNbdAliveAfterIfAlive(q, m, x, T, t), x),
    expectedIfAlive: (x, T, t) => served(bgNbdExpectedIfAlive(q, m, x, T, t), x),
    dertIfAlive,
  };
}

function paretoKernel(q: ParetoNbdParams): PurchaseKernel {
  return {
    probabilityAlive: (x, tx, T) => paretoNbdProbabilityAlive(q, x, tx, T),
    conditionalExpected: (x, tx, T, t) => paretoNbdConditionalExpectedPurchases(q, x, tx, T, t),
    expected: (t) => paretoNbdExpectedPurchases(q, t),
    purchaseCountProbability: (n, t) => paretoNbdPurchaseCountProbability(q, n, t),
    dert: (x, tx, T, delta) => paretoNbdDert(q, x, tx, T, delta),
    // Given alive at T: a new customer with λ ~ Gamma(r + x, α + T), μ ~ Gamma(s, β + T).
    noPurchaseIfAlive: (x, T, t) =>
      paretoNbdPurchaseCountProbability(
        { r: q.r + x, alpha: q.alpha + T, s: q.s, beta: q.beta + T },
        0,
        t,
      ),
    purchaseCountIfAlive: (n, x, T, t) =>
      paretoNbdPurchaseCountProbability(
        { r: q.r + x, alpha: q.alpha + T, s: q.s, beta: q.beta + T },
        n,
        t,
      ),
    // Given alive at T, μ ~ Gamma(s, β + T): E[e^{−μt}] (Fader & Hardie 2014, note 015).
    aliveAfterIfAlive: (_x, T, t) => Math.exp(-q.s * Math.log1p(t / (q.beta + T))),
    expectedIfAlive: (x, T, t) => paretoNbdExpectedIfAlive(q, x, T, t),
    dertIfAlive: (x, T, delta) => paretoNbdDertIfAlive(q, x, T, delta),
  };
}

/**
 * The kernel of a validated purchase model. `fn` and `path` (the model argument's path) name the
 * function and parameter in the error thrown where a model's numerics cannot serve a prediction.
 * @internal
 */
export function purchaseKernel(
  model: PurchaseModel,
  fn = "prediction",
  path: readonly PropertyKey[] = ["model"],
): PurchaseKernel {
  switch (model.kind) {
    case "bg-nbd":
      return bgKernel(model.params, 0, fn, path);
    case "mbg-nbd":
      return bgKernel(model.params, 1, fn, path);
    case "pareto-nbd":
      return paretoKernel(model.params);
  }
}
