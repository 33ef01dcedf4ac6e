/**
 * One error rule for the fitters and the diagnostics (docs/conventions.md, Errors): paths `options.<key>`,
 * `customers[i].<field>` (`survival[…]` for the sBG, `cohorts[j]` for tracking), a specific code
 * and the received value on every issue, every bad row of a call listed in one error, and the
 * time unit of the data required, consistent across rows and matching the model's.
 */
import { describe, expect, it } from "vitest";
import {
  calibrationFrequencyFit,
  cumulativePurchaseTracking,
  expectedPurchasesMatrix,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
  holdoutComparison,
  type InputIssue,
  probabilityAliveMatrix,
} from "../../src/index.js";
import { catchInvalidInput, expectIssue } from "../expectInvalidAt.js";
import { CDNOW_BG_NBD, DONATIONS_BG_BB } from "../fixtures/models.js";

const histories = [
  { frequency: 0, recency: 0, T: 39, count: 50 },
  { frequency: 1, recency: 2, T: 39, count: 15 },
  { frequency: 1, recency: 30, T: 39, count: 10 },
  { frequency: 3, recency: 6, T: 39, count: 8 },
  { frequency: 4, recency: 36, T: 39, count: 8 },
  { frequency: 8, recency: 38, T: 39, count: 4 },
  { frequency: 6, recency: 10, T: 39, count: 5 },
];
const discrete = [
  { frequency: 0, recency: 0, periods: 6, count: 3464 },
  { frequency: 1, recency: 1, periods: 6, count: 1091 },
  { frequency: 2, recency: 4, periods: 6, count: 155 },
  { frequency: 3, recency: 6, periods: 6, count: 357 },
  { frequency: 6, recency: 6, periods: 6, count: 1203 },
];
const spend = [
  { frequency: 1, monetaryValue: "12.50", count: 30 },
  { frequency: 1, monetaryValue: "40.00", count: 20 },
  { frequency: 2, monetaryValue: "22.35", count: 15 },
  { frequency: 3, monetaryValue: 31, count: 10 },
  { frequency: 4, monetaryValue: "95.00", count: 3 },
];
const bg = CDNOW_BG_NBD;
const bgbb = DONATIONS_BG_BB;

/** `[path as printed, code, received]` of every issue, for whole-list comparisons. */
function listed(issues: readonly InputIssue[]): [string, string, unknown][] {
  return issues.map((i) => [
    i.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join(""),
    i.code,
    i.received,
  ]);
}

const continuousFitters = [
  ["fitBgNbd", fitBgNbd],
  ["fitMbgNbd", fitMbgNbd],
  ["fitParetoNbd", fitParetoNbd],
] as const;

describe("fitters: options", () => {
  for (const [name, fitModel] of continuousFitters) {
    it(`${name}: a misspelt option and an unknown starting value are unknown_key at options.…`, () => {
      expectIssue(
        () => fitModel(histories, { unit: "week", tolerence: 1 } as never),
        name,
        ["options", "tolerence"],
        "unknown_key",
      );
      const error = expectIssue(
        () => fitModel(histories, { unit: "week", initial: { q: 1, z: 2 } }),
        name,
        ["options", "initial", "q"],
        "unknown_key",
      );
      // every unknown key, not only the first
      expect(error.issues.map((i) => i.path.join("."))).toEqual([
        "options.initial.q",
        "options.initial.z",
      ]);
    });
  }
  it("a bad option value has its code and the value received", () => {
    const error = expectIssue(
      () => fitBgNbd(histories, { unit: "week", maxIterations: 2.5 }),
      "fitBgNbd",
      ["options", "maxIterations"],
      "not_integer",
    );
    expect(error.issues[0]!.received).toBe(2.5);
    expectIssue(
      () => fitBgBb(discrete, { unit: "year", penalty: -1 }),
      "fitBgBb",
      ["options", "penalty"],
      "too_small",
    );
    expectIssue(
      () => fitSbg([100, 60, 40], { unit: "fortnight" } as never),
      "fitSbg",
      ["options", "unit"],
      "invalid_value",
    );
    expectIssue(
      () => fitGammaGamma(spend, { unit: "week" } as never),
      "fitGammaGamma",
      ["options", "unit"],
      "unknown_key",
    );
  });
  it("bad options and bad rows are reported together, in one error", () => {
    const error = catchInvalidInput(() =>
      fitParetoNbd([{ frequency: -1, recency: 0, T: 3 }, ...histories], {
        unit: "week",
        penalty: "0.1",
      } as never),
    );
    expect(listed(error.issues)).toEqual([
      [".options.penalty", "invalid_type", "0.1"],
      [".customers[0].frequency", "too_small", -1],
    ]);
  });
});

describe("fitters: every bad row in one pass", () => {
  for (const [name, fitModel] of continuousFitters) {
    it(`${name}: three bad rows are three issues at customers[i].field`, () => {
      const rows = [
        histories[0]!,
        { frequency: 1.5, recency: 1, T: 3 },
        histories[1]!,
        { frequency: 2, recency: 4, T: 3 },
        { frequency: 0, recency: 1, T: 3, count: 2 },
        ...histories.slice(2),
      ];
      const error = catchInvalidInput(() => fitModel(rows, { unit: "week" }));
      expect(error.functionName).toBe(name);
      expect(listed(error.issues)).toEqual([
        [".customers[1].frequency", "not_integer", 1.5],
        [".customers[3].recency", "inconsistent", 4],
        [".customers[4].recency", "inconsistent", 1],
      ]);
    });
  }
  it("a row with several problems lists each; missing and mistyped fields are required / invalid_type", () => {
    const error = catchInvalidInput(() =>
      fitBgNbd(
        [
          ...histories,
          { frequency: -2, recency: "3", T: -1 },
          { recency: 1, T: 2, count: 0 },
          null,
        ] as never,
        { unit: "week" },
      ),
    );
    expect(listed(error.issues)).toEqual([
      [".customers[7].recency", "invalid_type", "3"],
      [".customers[7].frequency", "too_small", -2],
      [".customers[7].T", "too_small", -1],
      [".customers[8].frequency", "required", undefined],
      [".customers[8].count", "too_small", 0],
      [".customers[9]", "invalid_type", null],
    ]);
  });
  it("150 bad rows: the first 100 are listed, then how many more", () => {
    const rows = [
      ...histories,
      ...Array.from({ length: 150 }, () => ({ frequency: 1, recency: 5, T: 4 })),
    ];
    const error = catchInvalidInput(() => fitBgNbd(rows, { unit: "week" }));
    expect(error.issues).toHaveLength(101);
    expect(error.issues[99]!.path).toEqual(["customers", 106, "recency"]);
    expect(error.issues[100]!.message).toBe("…and 50 more problems");
  });
  it("fitBgBb: rows at customers[i] with codes (inconsistent, not_integer, too_big)", () => {
    const error = catchInvalidInput(() =>
      fitBgBb(
        [
          ...discrete,
          { frequency: 3, recency: 2, periods: 6 },
          { frequency: 1, recency: 2, periods: 6.5 },
          { frequency: 1, recency: 2, periods: 2_000_000 },
          { frequency: 1, recency: 2, periods: 6, count: 1.5 },
        ],
        { unit: "year" },
      ),
    );
    expect(listed(error.issues)).toEqual([
      [".customers[5].frequency", "inconsistent", 3],
      [".customers[6].periods", "not_integer", 6.5],
      [".customers[7].periods", "too_big", 2_000_000],
      [".customers[8].count", "not_integer", 1.5],
    ]);
  });
  it("fitGammaGamma: frequency and monetaryValue at customers[i] (invalid_money, too_small)", () => {
    const error = catchInvalidInput(() =>
      fitGammaGamma(
        [
          ...spend,
          { frequency: 2, monetaryValue: "12,50" },
          { frequency: 1, monetaryValue: -3 },
          { frequency: 1.5, monetaryValue: "1" },
          { frequency: 0, monetaryValue: "not read: no repeat purchase" },
        ],
        { nonPositiveSpend: "error" },
      ),
    );
    expect(listed(error.issues)).toEqual([
      [".customers[5].monetaryValue", "invalid_money", "12,50"],
      [".customers[6].monetaryValue", "too_small", -3],
      [".customers[7].frequency", "not_integer", 1.5],
    ]);
  });
  it("fitSbg: its data argument is survival (counts, cohorts or rows)", () => {
    expect(
      listed(catchInvalidInput(() => fitSbg([100, -1, 120, 0.5], { unit: "year" })).issues),
    ).toEqual([
      [".survival[1]", "too_small", -1],
      [".survival[2]", "inconsistent", 120],
    ]);
    expect(
      listed(
        catchInvalidInput(() => fitSbg([[100, 50], [0], [10, "5"]] as never, { unit: "year" }))
          .issues,
      ),
    ).toEqual([
      [".survival[1][0]", "too_small", 0],
      [".survival[2][1]", "invalid_type", "5"],
    ]);
    const rows = catchInvalidInput(() =>
      fitSbg(
        [
          { periodsObserved: 2, churned: true },
          { periodsObserved: 0, churned: true },
          { periodsObserved: 1.5, churned: "no" },
        ] as never,
        { unit: "month" },
      ),
    );
    expect(listed(rows.issues)).toEqual([
      [".survival[1].periodsObserved", "inconsistent", 0],
      [".survival[2].periodsObserved", "not_integer", 1.5],
      [".survival[2].churned", "invalid_type", "no"],
    ]);
  });
  it("no repeat purchase, or no rows at all: too_small at customers", () => {
    expectIssue(
      () => fitBgNbd([{ frequency: 0, recency: 0, T: 4 }], { unit: "week" }),
      "fitBgNbd",
      ["customers"],
      "too_small",
    );
    expectIssue(() => fitMbgNbd([], { unit: "week" }), "fitMbgNbd", ["customers"], "too_small");
    expectIssue(() => fitBgBb("rows" as never), "fitBgBb", ["customers"], "invalid_type");
  });
});

describe("fitters: the time unit of the data", () => {
  it("is required: options.unit, or rows that carry one", () => {
    const error = expectIssue(
      () => fitBgNbd(histories),
      "fitBgNbd",
      ["options", "unit"],
      "required",
    );
    expect(error.issues).toHaveLength(1);
    expectIssue(() => fitBgBb(discrete), "fitBgBb", ["options", "unit"], "required");
    expectIssue(() => fitSbg([100, 60, 40]), "fitSbg", ["options", "unit"], "required");
    const fromRows = fitParetoNbd(histories.map((row) => ({ ...row, unit: "day" as const })));
    expect(fromRows.unit).toBe("day");
  });
  it("rows in different units are inconsistent, each one listed", () => {
    const rows = histories.map((row, i) => ({ ...row, unit: i % 3 === 1 ? "month" : "week" }));
    const error = catchInvalidInput(() => fitMbgNbd(rows as never));
    expect(listed(error.issues)).toEqual([
      [".customers[1].unit", "inconsistent", "month"],
      [".customers[4].unit", "inconsistent", "month"],
    ]);
    expectIssue(
      () => fitBgBb(discrete.map((row) => ({ ...row, unit: "years" })) as never),
      "fitBgBb",
      ["customers", 0, "unit"],
      "invalid_value",
    );
  });
  it("options.unit that contradicts the rows' is a unit_mismatch", () => {
    const rows = histories.map((row) => ({ ...row, unit: "week" as const }));
    const error = expectIssue(
      () => fitBgNbd(rows, { unit: "day" }),
      "fitBgNbd",
      ["options", "unit"],
      "unit_mismatch",
    );
    expect(error.issues[0]!.received).toBe("day");
    expect(fitBgNbd(rows, { unit: "week" }).unit).toBe("week");
  });
});

describe("diagnostics", () => {
  it("calibrationFrequencyFit: options, three bad rows, a row in another unit", () => {
    expectIssue(
      () => calibrationFrequencyFit(bg, histories, { maxBins: 3 } as never),
      "calibrationFrequencyFit",
      ["options", "maxBins"],
      "unknown_key",
    );
    const error = catchInvalidInput(() =>
      calibrationFrequencyFit(bg, [
        { ...histories[0]!, unit: "week" as const },
        { frequency: 1, recency: 40, T: 39 },
        { frequency: -1, recency: 0, T: 39 },
        { frequency: 1, recency: 3, T: 39, unit: "day" as const },
      ]),
    );
    expect(listed(error.issues)).toEqual([
      [".customers[1].recency", "inconsistent", 40],
      [".customers[2].frequency", "too_small", -1],
      [".customers[3].unit", "unit_mismatch", "day"],
    ]);
    expectIssue(
      () => calibrationFrequencyFit(bgbb, [{ frequency: 2, recency: 7, periods: 6 }]),
      "calibrationFrequencyFit",
      ["customers", 0, "recency"],
      "inconsistent",
    );
  });
  it("holdoutComparison: every bad row, with holdout fields", () => {
    const ok = { frequency: 1, recency: 2, periods: 6, holdoutFrequency: 1, holdoutPeriods: 5 };
    const error = catchInvalidInput(() =>
      holdoutComparison(bgbb, [
        ok,
        { ...ok, holdoutFrequency: 6 },
        { ...ok, holdoutPeriods: 0 },
        { ...ok, frequency: 3, unit: "month" as const },
      ]),
    );
    expect(listed(error.issues)).toEqual([
      [".customers[1].holdoutFrequency", "inconsistent", 6],
      [".customers[2].holdoutPeriods", "too_small", 0],
      [".customers[3].frequency", "inconsistent", 3],
      [".customers[3].unit", "unit_mismatch", "month"],
    ]);
    const continuous = catchInvalidInput(() =>
      holdoutComparison(bg, [
        { frequency: 2, recency: 30, T: 38, holdoutFrequency: 1, holdoutDuration: 39 },
        { frequency: 2, recency: 30, T: 38, holdoutFrequency: 1, holdoutDuration: -39 },
        { frequency: 2, recency: 30, T: 38, holdoutFrequency: 0.5, holdoutDuration: 39 },
      ]),
    );
    expect(listed(continuous.issues)).toEqual([
      [".customers[1].holdoutDuration", "too_small", -39],
      [".customers[2].holdoutFrequency", "not_integer", 0.5],
    ]);
  });
  it("cumulativePurchaseTracking: cohorts[j] and options", () => {
    const error = catchInvalidInput(() =>
      cumulativePurchaseTracking(bgbb, [100, -1, 2.5, "3"] as never, { periods: 3 }),
    );
    expect(listed(error.issues)).toEqual([
      [".cohorts[1]", "too_small", -1],
      [".cohorts[2]", "not_integer", 2.5],
      [".cohorts[3]", "invalid_type", "3"],
    ]);
    expectIssue(
      () =>
        cumulativePurchaseTracking(bg, ["1997-01-01", "1997-02-30", "1997-13-01"], { periods: 3 }),
      "cumulativePurchaseTracking",
      ["cohorts", 2],
      "invalid_date",
    );
    expectIssue(
      () => cumulativePurchaseTracking(bgbb, [100], { periods: 3, unit: "month" }),
      "cumulativePurchaseTracking",
      ["options", "unit"],
      "unit_mismatch",
    );
  });
  it("grids: unit and unitConversion, and their errors", () => {
    expectIssue(
      () => probabilityAliveMatrix(bg, { maxFrequency: 2, maxT: 9, unit: "month" }),
      "probabilityAliveMatrix",
      ["options", "unit"],
      "unit_mismatch",
    );
    expectIssue(
      () => expectedPurchasesMatrix(bgbb, { maxFrequency: 2, maxT: 6, horizon: 5, unit: "week" }),
      "expectedPurchasesMatrix",
      ["options", "unit"],
      "unit_mismatch",
    );
    expectIssue(
      () => expectedPurchasesMatrix(bg, { maxFrequency: 600, maxT: 1000, horizon: 5 }),
      "expectedPurchasesMatrix",
      ["options", "maxT"],
      "too_big",
    );
    // a grid in days for a model in weeks: day 7k is week k
    const days = expectedPurchasesMatrix(bg, {
      maxFrequency: 2,
      maxT: 273,
      horizon: 14,
      unit: "day",
    });
    const weeks = expectedPurchasesMatrix(bg, { maxFrequency: 2, maxT: 39, horizon: 2 });
    const at = (cells: typeof days, x: number, tx: number) =>
      cells.find((c) => c.frequency === x && c.recency === tx)!.expectedPurchases;
    for (const [x, w] of [
      [1, 3],
      [2, 20],
      [2, 39],
    ] as const) {
      expect(Math.abs(at(days, x, 7 * w) - at(weeks, x, w))).toBeLessThanOrEqual(
        1e-12 * at(weeks, x, w),
      );
    }
  });
  it("the model's unit is required", () => {
    const { unit: _, ...withoutUnit } = bg;
    for (const run of [
      () => probabilityAliveMatrix(withoutUnit as never, { maxFrequency: 2, maxT: 9 }),
      () => calibrationFrequencyFit(withoutUnit as never, histories),
      () => holdoutComparison(withoutUnit as never, []),
    ]) {
      const error = catchInvalidInput(run);
      expect(listed(error.issues)).toEqual([[".model.unit", "required", undefined]]);
    }
    expectIssue(
      () => cumulativePurchaseTracking({ ...bgbb, unit: "decade" } as never, [1], { periods: 2 }),
      "cumulativePurchaseTracking",
      ["model", "unit"],
      "invalid_value",
    );
  });
});

describe("fitSbg: a row's periodsObserved is bounded (the data are arrays indexed by period)", () => {
  it("1e217 periods is too_big at survival[i].periodsObserved, not a RangeError (hostile sweep, seed of 2026-12-02)", () => {
    expectIssue(
      () =>
        fitSbg(
          [
            { periodsObserved: 3, churned: true },
            { periodsObserved: 1.1629248919333585e217, churned: false },
          ],
          { unit: "year" },
        ),
      "fitSbg",
      ["survival", 1, "periodsObserved"],
      "too_big",
    );
  });
});
