/** Types of the predB prediction set: array outputs in input order, models each function accepts. */
import { describe, expectTypeOf, it } from "vitest";
import {
  type AlivePathPoint,
  type HeterogeneityDensities,
  heterogeneityDensities,
  type PosteriorMeanRates,
  posteriorMeanRates,
  probabilityAlivePath,
  retentionElasticity,
} from "../../src/index.js";
import { CDNOW_BG_NBD, DONATIONS_BG_BB, sbgModel } from "../fixtures/models.js";

describe("prediction set types", () => {
  it("returns arrays of plain rows and numbers", () => {
    expectTypeOf(
      posteriorMeanRates(CDNOW_BG_NBD, [{ frequency: 1, recency: 1, T: 2 }]),
    ).toEqualTypeOf<PosteriorMeanRates[]>();
    expectTypeOf(
      posteriorMeanRates(DONATIONS_BG_BB, [{ frequency: 1, recency: 1, periods: 6 }]),
    ).toEqualTypeOf<PosteriorMeanRates[]>();
    expectTypeOf(heterogeneityDensities(DONATIONS_BG_BB)).toEqualTypeOf<HeterogeneityDensities>();
    expectTypeOf(
      probabilityAlivePath(CDNOW_BG_NBD, [{ date: "1997-01-01" }], {
        observationEnd: "1997-09-30",
      }),
    ).toEqualTypeOf<AlivePathPoint[]>();
    expectTypeOf(
      retentionElasticity(sbgModel(1, 2), { renewals: 0, discountRate: 0.1 }),
    ).toEqualTypeOf<number>();
  });

  it("refuses mismatched histories and models", () => {
    // @ts-expect-error — a BG/BB model takes discrete histories (periods), not T
    posteriorMeanRates(DONATIONS_BG_BB, [{ frequency: 1, recency: 1, T: 2 }]);
    // @ts-expect-error — the path is drawn for the continuous-time models only
    probabilityAlivePath(DONATIONS_BG_BB, [{ date: "1997-01-01" }], {
      observationEnd: "1997-09-30",
    });
    // @ts-expect-error — observationEnd is required
    probabilityAlivePath(CDNOW_BG_NBD, [{ date: "1997-01-01" }], {});
  });
});
