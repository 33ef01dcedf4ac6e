/**
 * Fits on many small random data sets: every fit returns a certified
 * model with finite standard errors or throws ModelFitError, within 2 s, and the order of the rows
 * never changes the outcome. Seeded (fast-check) so that a failure can be replayed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
  ModelFitError,
} from "../../src/index.js";

interface Fitted {
  params: object;
  standardErrors: object;
  logLikelihood: number;
}

/** CPU time of this process in ms (robust to other processes loading a shared machine). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs a fit within 2 s of CPU time; returns its outcome (params or error message) for comparison. */
function checkedOutcome(run: () => Fitted): unknown {
  const start = cpuMs();
  let result: unknown;
  try {
    const model = run();
    const values: unknown[] = [
      ...Object.values(model.params),
      ...Object.values(model.standardErrors),
    ];
    for (const v of values) {
      expect(typeof v === "number" && Number.isFinite(v) && v > 0).toBe(true);
    }
    expect(Number.isFinite(model.logLikelihood)).toBe(true);
    result = { params: model.params, logLikelihood: model.logLikelihood };
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFitError);
    result = { error: (error as Error).message };
  }
  expect(cpuMs() - start).toBeLessThan(2000);
  return result;
}

const history = fc
  .record({
    T: fc.integer({ min: 1, max: 400 }).map((v) => v / 10),
    frequency: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 8 }),
      fc.integer({ min: 0, max: 60 }),
    ),
    at: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map(({ T, frequency, at }) => ({
    frequency,
    recency: frequency === 0 ? 0 : Math.round(at * T * 10) / 10,
    T,
  }));
const histories = fc
  .array(history, { minLength: 1, maxLength: 9 })
  .filter((rows) => rows.some((r) => r.frequency > 0));

const settings = { seed: 20_231, numRuns: 150 };

describe("small random data: certified fit or ModelFitError, in any order, within 2 s", () => {
  for (const [name, fitter] of [
    ["fitBgNbd", fitBgNbd],
    ["fitMbgNbd", fitMbgNbd],
    ["fitParetoNbd", fitParetoNbd],
  ] as const) {
    it(name, () => {
      fc.assert(
        fc.property(histories, (rows) => {
          const first = checkedOutcome(() => fitter(rows, { unit: "week" }));
          expect(checkedOutcome(() => fitter([...rows].reverse(), { unit: "week" }))).toEqual(
            first,
          );
        }),
        settings,
      );
    });
  }
  it("fitGammaGamma", () => {
    const spend = fc.array(
      fc.record({
        frequency: fc.integer({ min: 1, max: 30 }),
        monetaryValue: fc.integer({ min: 1, max: 100_000 }).map((v) => v / 100),
      }),
      { minLength: 1, maxLength: 9 },
    );
    fc.assert(
      fc.property(spend, (rows) => {
        const first = checkedOutcome(() => fitGammaGamma(rows));
        expect(checkedOutcome(() => fitGammaGamma([...rows].reverse()))).toEqual(first);
      }),
      settings,
    );
  });
  it("fitBgBb", () => {
    const discrete = fc.array(
      fc
        .record({
          periods: fc.integer({ min: 1, max: 12 }),
          a: fc.double({ min: 0, max: 1, noNaN: true }),
          b: fc.double({ min: 0, max: 1, noNaN: true }),
        })
        .map(({ periods, a, b }) => {
          const recency = Math.round(a * periods);
          const frequency = recency === 0 ? 0 : Math.max(1, Math.round(b * recency));
          return { frequency, recency, periods };
        }),
      { minLength: 1, maxLength: 9 },
    );
    fc.assert(
      fc.property(discrete, (rows) => {
        const first = checkedOutcome(() => fitBgBb(rows, { unit: "year" }));
        expect(checkedOutcome(() => fitBgBb([...rows].reverse(), { unit: "year" }))).toEqual(first);
      }),
      settings,
    );
  });
  it("fitSbg", () => {
    const cohort = fc
      .array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 })
      .map((ratios) => {
        const counts = [100];
        for (const q of ratios) counts.push(Math.round(counts.at(-1)! * q * 100) / 100);
        return counts;
      });
    fc.assert(
      fc.property(fc.array(cohort, { minLength: 1, maxLength: 4 }), (cohorts) => {
        const first = checkedOutcome(() => fitSbg(cohorts, { unit: "year" }));
        expect(checkedOutcome(() => fitSbg([...cohorts].reverse(), { unit: "year" }))).toEqual(
          first,
        );
      }),
      settings,
    );
  });
});
