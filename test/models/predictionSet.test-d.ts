import { describe, expectTypeOf, it } from "vitest";
import {
  type BgBbModel,
  type BgNbdModel,
  type ConditionalPurchaseCountOptions,
  conditionalPurchaseCountProbability,
  customerLogLikelihood,
  type GammaGammaModel,
  type ProbabilityAliveOptions,
  probabilityAlive,
  type SbgModel,
} from "../../src/index.js";

declare const bg: BgNbdModel;
declare const gg: GammaGammaModel;
declare const bgbb: BgBbModel;
declare const sbg: SbgModel;
const customer = { frequency: 1, recency: 2, T: 3 };
const discrete = { frequency: 1, recency: 2, periods: 6 };

describe("per-customer log-likelihood, conditional counts, P(alive) later", () => {
  it("customerLogLikelihood: every fitted kind with its own rows, a Float64Array", () => {
    expectTypeOf(customerLogLikelihood(bg, [customer])).toEqualTypeOf<Float64Array>();
    expectTypeOf(
      customerLogLikelihood(bg, [{ ...customer, count: 3 }]),
    ).toEqualTypeOf<Float64Array>();
    expectTypeOf(
      customerLogLikelihood(bgbb, [{ ...discrete, count: 2 }]),
    ).toEqualTypeOf<Float64Array>();
    expectTypeOf(
      customerLogLikelihood(gg, [{ frequency: 1, monetaryValue: "2.50" }]),
    ).toEqualTypeOf<Float64Array>();
    expectTypeOf(
      customerLogLikelihood(sbg, [{ periodsObserved: 3, churned: false }]),
    ).toEqualTypeOf<Float64Array>();
    // @ts-expect-error a spend model takes spend rows
    customerLogLikelihood(gg, [customer]);
  });
  it("conditionalPurchaseCountProbability: named options, purchase models only", () => {
    expectTypeOf(
      conditionalPurchaseCountProbability(bg, [customer], { purchases: 0, horizon: 39 }),
    ).toEqualTypeOf<Float64Array>();
    expectTypeOf(
      conditionalPurchaseCountProbability(bgbb, [discrete], { purchases: 1, horizon: 5 }),
    ).toEqualTypeOf<Float64Array>();
    expectTypeOf<ConditionalPurchaseCountOptions>().toHaveProperty("purchases");
    // @ts-expect-error the spend model has no purchase process
    conditionalPurchaseCountProbability(gg, [customer], { purchases: 0, horizon: 1 });
    // @ts-expect-error (n, t) are named, never bare numbers
    conditionalPurchaseCountProbability(bg, [customer], 0, 39);
  });
  it("probabilityAlive: one `horizon` option for every model; futurePeriods is gone", () => {
    expectTypeOf(probabilityAlive(bg, [customer], { horizon: 52 })).toEqualTypeOf<Float64Array>();
    expectTypeOf(probabilityAlive(bgbb, [discrete], { horizon: 1 })).toEqualTypeOf<Float64Array>();
    expectTypeOf<ProbabilityAliveOptions["horizon"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error renamed horizon
    probabilityAlive(bgbb, [discrete], { futurePeriods: 1 });
  });
});
