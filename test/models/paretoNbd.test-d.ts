import { describe, expectTypeOf, it } from "vitest";
import {
  type FitOptions,
  fitParetoNbd,
  type ParetoNbdModel,
  type ParetoNbdParams,
  type PurchaseHistoryRow,
  type PurchaseModel,
  probabilityAlive,
} from "../../src/index.js";

describe("Pareto/NBD public types", () => {
  it("fitParetoNbd takes history rows and fit options and returns a ParetoNbdModel", () => {
    expectTypeOf(fitParetoNbd).parameter(0).toEqualTypeOf<readonly PurchaseHistoryRow[]>();
    expectTypeOf(fitParetoNbd).parameter(1).toEqualTypeOf<FitOptions | undefined>();
    const model = fitParetoNbd([{ frequency: 1, recency: 2, T: 3 }]);
    expectTypeOf(model).toEqualTypeOf<ParetoNbdModel>();
    expectTypeOf(model.kind).toEqualTypeOf<"pareto-nbd">();
    expectTypeOf(model.params).toEqualTypeOf<ParetoNbdParams>();
    expectTypeOf(model.standardErrors).toEqualTypeOf<ParetoNbdParams>();
    expectTypeOf(model.converged).toEqualTypeOf<true>();
    expectTypeOf(model).toExtend<PurchaseModel>();
  });
  it("accepts summary rows with extra fields, and the model works with the predictions", () => {
    const rows = [{ customerId: "__proto__", frequency: 2, recency: 5, T: 9, count: 3 }];
    const model = fitParetoNbd(rows, { penalty: 0.001 });
    expectTypeOf(probabilityAlive(model, [rows[0]!])[0]!).toEqualTypeOf<number>();
    // @ts-expect-error parameters are named as in the papers
    fitParetoNbd(rows, { initial: { r: 1 }, unknown: 1 });
  });
});
