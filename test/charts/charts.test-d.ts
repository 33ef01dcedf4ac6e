/**
 * Each chart takes the exact result type it documents, and returns a VegaLiteSpec.
 */
import { expectTypeOf, it } from "vitest";
import {
  customerValueMatrixChart,
  frequencyHistogramChart,
  heterogeneityChart,
  holdoutComparisonChart,
  type lifetimeValueChart,
  netPromoterScoreChart,
  probabilityAliveChart,
  type probabilityAlivePathChart,
  recoveryPlanChart,
  type rfmHeatmapChart,
  servqualGapChart,
  type VegaLiteSpec,
} from "../../src/charts/index.js";
import type {
  calibrationFrequencyFit,
  customerLifetimeValue,
  customerValueMatrix,
  heterogeneityDensities,
  holdoutComparison,
  netPromoterScore,
  prioritizeRecovery,
  probabilityAliveMatrix,
  probabilityAlivePath,
  rfmScores,
  servqual,
} from "../../src/index.js";

it("charts take the results of the library's functions", () => {
  type R<F extends (...args: never[]) => unknown> = ReturnType<F>;
  expectTypeOf(frequencyHistogramChart)
    .parameter(0)
    .toEqualTypeOf<R<typeof calibrationFrequencyFit>>();
  expectTypeOf(holdoutComparisonChart).parameter(0).toEqualTypeOf<R<typeof holdoutComparison>>();
  expectTypeOf(probabilityAliveChart)
    .parameter(0)
    .toEqualTypeOf<Readonly<R<typeof probabilityAliveMatrix>>>();
  expectTypeOf(customerValueMatrixChart)
    .parameter(0)
    .toEqualTypeOf<R<typeof customerValueMatrix>>();
  expectTypeOf(netPromoterScoreChart).parameter(0).toEqualTypeOf<R<typeof netPromoterScore>>();
  expectTypeOf(servqualGapChart).parameter(0).toEqualTypeOf<R<typeof servqual>>();
  expectTypeOf(recoveryPlanChart).parameter(0).toEqualTypeOf<R<typeof prioritizeRecovery>>();
  expectTypeOf<R<typeof rfmScores>>().toMatchTypeOf<Parameters<typeof rfmHeatmapChart>[0]>();
  expectTypeOf<R<typeof customerLifetimeValue>>().toMatchTypeOf<
    Parameters<typeof lifetimeValueChart>[0]
  >();
  expectTypeOf(heterogeneityChart).parameter(0).toEqualTypeOf<R<typeof heterogeneityDensities>>();
  expectTypeOf<R<typeof probabilityAlivePath>>().toMatchTypeOf<
    Parameters<typeof probabilityAlivePathChart>[0]
  >();
  expectTypeOf(netPromoterScoreChart).returns.toEqualTypeOf<VegaLiteSpec>();
  // @ts-expect-error a NPS result is not a SERVQUAL result
  servqualGapChart({} as R<typeof netPromoterScore>);
});
