import { describe, expect, it } from "vitest";
import {
  compareNetPromoterScores,
  customerEffortScore,
  customerSatisfactionScore,
  type InputIssue,
  kanoClassify,
  loyaltyMatrix,
  loyaltyScore,
  loyaltyType,
  netPromoterScore,
  raterIndex,
  satisfactionIndex,
  satisfactionIndicators,
  satisfactionLoyaltySegment,
  servqual,
} from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";

/** Calls `run`, asserts an `InvalidInputError` from `fn`, and returns its issues. */
function issuesOf(fn: string, run: () => unknown): readonly InputIssue[] {
  const error = catchInvalidInput(run);
  expect(error.functionName).toBe(fn);
  return error.issues;
}

/** Asserts that `run` fails with an issue at exactly `path` with `code`. */
function expectIssue(
  fn: string,
  run: () => unknown,
  path: readonly PropertyKey[],
  code: InputIssue["code"],
): void {
  const issues = issuesOf(fn, run);
  expect(issues.map((i) => [i.path, i.code])).toContainEqual([path, code]);
}

const five = { min: 1, max: 5 };
const rater = { tangibles: 6, reliability: 5, responsiveness: 5.5, assurance: 6, empathy: 4 };
const servqualRows = () =>
  Array.from({ length: 22 }, (_, i) => ({ item: i + 1, expectation: 7, perception: 5 }));

/** One bad option and one bad row (or answer) per export: [name, call, path, code]. */
const CASES: readonly (readonly [
  string,
  () => unknown,
  readonly PropertyKey[],
  InputIssue["code"],
])[] = [
  [
    "netPromoterScore",
    () => netPromoterScore([9], { confidenceLevl: 0.9 } as never),
    ["options", "confidenceLevl"],
    "unknown_key",
  ],
  [
    "netPromoterScore",
    () => netPromoterScore([9], { scale: five }),
    ["options", "scale"],
    "invalid_value",
  ],
  ["netPromoterScore", () => netPromoterScore([9, 11]), ["answers", 1], "too_big"],
  ["netPromoterScore", () => netPromoterScore([9, 8.5]), ["answers", 1], "not_integer"],
  ["netPromoterScore", () => netPromoterScore([9, "9" as never]), ["answers", 1], "invalid_type"],
  ["netPromoterScore", () => netPromoterScore([]), ["answers"], "too_small"],
  [
    "compareNetPromoterScores",
    () => compareNetPromoterScores([9], [1], { confidenceLevel: 1 }),
    ["options", "confidenceLevel"],
    "too_big",
  ],
  [
    "compareNetPromoterScores",
    () => compareNetPromoterScores([9], [0], { scale: { min: 1, max: 10 } }),
    ["second", 0],
    "too_small",
  ],
  ["compareNetPromoterScores", () => compareNetPromoterScores([10], [10]), [], "unsupported"],
  [
    "customerSatisfactionScore",
    () => customerSatisfactionScore([4], {} as never),
    ["options", "scale"],
    "required",
  ],
  [
    "customerSatisfactionScore",
    () => customerSatisfactionScore([4], { scale: { min: 5, max: 1 } }),
    ["options", "scale", "max"],
    "inconsistent",
  ],
  [
    "customerSatisfactionScore",
    () => customerSatisfactionScore([1], { scale: { min: 0, max: 1 } }),
    ["options", "method"],
    "inconsistent",
  ],
  [
    "customerSatisfactionScore",
    () => customerSatisfactionScore([4, 0], { scale: five }),
    ["answers", 1],
    "too_small",
  ],
  [
    "customerEffortScore",
    () => customerEffortScore([4], {} as never),
    ["options", "version"],
    "required",
  ],
  [
    "customerEffortScore",
    () => customerEffortScore([4], { version: "2.0", method: "median" as never }),
    ["options", "method"],
    "invalid_value",
  ],
  [
    "customerEffortScore",
    () => customerEffortScore([6], { version: "1.0" }),
    ["answers", 0],
    "too_big",
  ],
  [
    "satisfactionIndex",
    () => satisfactionIndex([{ name: "s", answers: [8] }], { weights: [1, 1] }),
    ["options", "weights"],
    "inconsistent",
  ],
  [
    "satisfactionIndex",
    () => satisfactionIndex([{ name: "s", answers: [8] }], { weights: [0] }),
    ["options", "weights"],
    "too_small",
  ],
  [
    "satisfactionIndex",
    () => satisfactionIndex([{ name: "s", answers: [8, 0] }], { weights: [1] }),
    ["items", 0, "answers", 1],
    "too_small",
  ],
  ["satisfactionIndex", () => satisfactionIndex([], { weights: [] }), ["items"], "too_small"],
  [
    "kanoClassify",
    () =>
      kanoClassify([{ attribute: "a", functional: "like", dysfunctional: "dislike" }], {
        table: [] as never,
      }),
    ["options", "table"],
    "too_small",
  ],
  [
    "kanoClassify",
    () => kanoClassify([{ attribute: "a", functional: "love" as never, dysfunctional: "dislike" }]),
    ["responses", 0, "functional"],
    "invalid_value",
  ],
  ["kanoClassify", () => kanoClassify([]), ["responses"], "too_small"],
  [
    "servqual",
    () => servqual(servqualRows(), { reverseScored: [99] }),
    ["options", "reverseScored", 0],
    "invalid_value",
  ],
  [
    "servqual",
    () =>
      servqual(servqualRows(), {
        dimensions: {
          tangibles: [1],
          reliability: [1],
          responsiveness: [2],
          assurance: [3],
          empathy: [4],
        },
      }),
    ["options", "dimensions", "reliability", 0],
    "duplicate",
  ],
  [
    "servqual",
    () => servqual([{ item: 1, expectation: 8, perception: 5 }, ...servqualRows()]),
    ["responses", 0, "expectation"],
    "too_big",
  ],
  [
    "servqual",
    () => servqual([{ item: 23, expectation: 7, perception: 5 }, ...servqualRows()]),
    ["responses", 0, "item"],
    "invalid_value",
  ],
  [
    "raterIndex",
    () => raterIndex(rater, { scale: { min: 1.5, max: 7 } }),
    ["options", "scale", "min"],
    "not_integer",
  ],
  ["raterIndex", () => raterIndex({ ...rater, empathy: 8 }), ["scores", "empathy"], "too_big"],
  [
    "raterIndex",
    () => raterIndex({ ...rater, courtesy: 3 } as never),
    ["scores", "courtesy"],
    "unknown_key",
  ],
  [
    "satisfactionIndicators",
    () => satisfactionIndicators({ customers: 10 } as never),
    ["parameters", "customerCount"],
    "required",
  ],
  [
    "satisfactionIndicators",
    () => satisfactionIndicators({ customerCount: 10, repurchasingCustomers: 11 }),
    ["parameters", "repurchasingCustomers"],
    "inconsistent",
  ],
  [
    "satisfactionIndicators",
    () => satisfactionIndicators({ customerCount: 10, revenue: "5.00" }),
    ["parameters", "transactions"],
    "required",
  ],
  [
    "satisfactionLoyaltySegment",
    () => satisfactionLoyaltySegment([], { loyaltyThreshold: 9 }),
    ["options", "loyaltyThreshold"],
    "too_big",
  ],
  [
    "satisfactionLoyaltySegment",
    () => satisfactionLoyaltySegment([{ customerId: "a", satisfaction: 0, loyalty: 3 }]),
    ["customers", 0, "satisfaction"],
    "too_small",
  ],
  [
    "satisfactionLoyaltySegment",
    () =>
      satisfactionLoyaltySegment([
        { customerId: "a", satisfaction: 3, loyalty: 3 },
        { customerId: "a", satisfaction: 3, loyalty: 3 },
      ]),
    ["customers", 1, "customerId"],
    "duplicate",
  ],
  [
    "loyaltyMatrix",
    () =>
      loyaltyMatrix([{ customerId: "a", relativeAttitude: 1, repeatPatronage: 1 }], {
        split: "mode" as never,
      }),
    ["options", "split"],
    "invalid_value",
  ],
  [
    "loyaltyMatrix",
    () =>
      loyaltyMatrix([{ customerId: "a", relativeAttitude: "high" as never, repeatPatronage: 1 }]),
    ["customers", 0, "relativeAttitude"],
    "invalid_type",
  ],
  [
    "loyaltyMatrix",
    () => loyaltyMatrix([{ id: "a", relativeAttitude: 1, repeatPatronage: 1 } as never]),
    ["customers", 0, "customerId"],
    "required",
  ],
  ["loyaltyMatrix", () => loyaltyMatrix([]), ["customers"], "too_small"],
  [
    "loyaltyScore",
    () => loyaltyScore([], { competitiveness: 2 }),
    ["options", "competitiveness"],
    "too_big",
  ],
  [
    "loyaltyScore",
    () => loyaltyScore([{ customerId: "a", satisfaction: 3, repeatPurchase: -0.1 }]),
    ["customers", 0, "repeatPurchase"],
    "too_small",
  ],
  ["loyaltyType", () => loyaltyType([], { threshold: 0 }), ["options", "threshold"], "too_small"],
  [
    "loyaltyType",
    () =>
      loyaltyType([
        { customerId: "a", alternativesAvailable: "yes" as never, repeatPurchase: 1, attitude: 1 },
      ]),
    ["customers", 0, "alternativesAvailable"],
    "invalid_type",
  ],
];

describe("satisfaction errors: path and code of a bad option and a bad row of every export", () => {
  it.each(CASES)("%s → %j", (fn, run, path, code) => {
    expectIssue(fn, run, path, code);
  });
  it("every issue carries a specific code and, for a bad value, the value received", () => {
    for (const [fn, run] of CASES) {
      for (const issue of issuesOf(fn, run)) {
        expect(issue.code).not.toBe("custom");
        expect(issue.path.length === 0 || issue.path[0] !== undefined).toBe(true);
      }
    }
    const [answer] = issuesOf("netPromoterScore", () => netPromoterScore([9, 11]));
    expect(answer).toMatchObject({ path: ["answers", 1], code: "too_big", received: 11 });
  });
});

describe("satisfaction errors: every problem in one pass", () => {
  it("lists every bad answer, not only the first, with the options' problems", () => {
    const answers = [9, 11, 3, -1, 8.5, 10, "7"] as never;
    const issues = issuesOf("netPromoterScore", () =>
      netPromoterScore(answers, { interval: "exact" as never }),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [["options", "interval"], "invalid_value"],
      [["answers", 1], "too_big"],
      [["answers", 3], "too_small"],
      [["answers", 4], "not_integer"],
      [["answers", 6], "invalid_type"],
    ]);
  });
  it("stops listing at 100 and says there are more", () => {
    const answers = Array.from({ length: 250 }, () => 12);
    const issues = issuesOf("customerSatisfactionScore", () =>
      customerSatisfactionScore(answers, { scale: five }),
    );
    expect(issues).toHaveLength(101);
    expect(issues[99]?.path).toEqual(["answers", 99]);
    expect(issues[100]?.message).toMatch(/more problems/);
  });
  it("lists every bad customer row of a per-customer function", () => {
    const issues = issuesOf("satisfactionLoyaltySegment", () =>
      satisfactionLoyaltySegment([
        { customerId: "a", satisfaction: 6, loyalty: 3 },
        { customerId: "b", satisfaction: 3, loyalty: 3 },
        { customerId: "a", satisfaction: 3, loyalty: Number.NaN },
        null as never,
      ]),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [["customers", 0, "satisfaction"], "too_big"],
      [["customers", 2, "customerId"], "duplicate"],
      [["customers", 2, "loyalty"], "invalid_type"],
      [["customers", 3], "invalid_type"],
    ]);
  });
  it("lists every bad SERVQUAL answer and every bad item of a satisfaction index", () => {
    const rows = servqualRows();
    const bad = [
      { item: 1, expectation: 0, perception: 5 },
      { item: 2, expectation: 7, perception: 5.5 },
      ...rows,
    ];
    expect(issuesOf("servqual", () => servqual(bad)).map((i) => [i.path, i.code])).toEqual([
      [["responses", 0, "expectation"], "too_small"],
      [["responses", 1, "perception"], "not_integer"],
    ]);
    const items = [
      { name: "a", answers: [0, 5] },
      { name: "b", answers: [] },
      { name: "c", answers: [11] },
    ];
    expect(
      issuesOf("satisfactionIndex", () => satisfactionIndex(items, { weights: [1, 1, 1] })).map(
        (i) => [i.path, i.code],
      ),
    ).toEqual([
      [["items", 0, "answers", 0], "too_small"],
      [["items", 1, "answers"], "too_small"],
      [["items", 2, "answers", 0], "too_big"],
    ]);
  });
  it("reports all out-of-range RATER scores and all inconsistent counts together", () => {
    const scores = { ...rater, tangibles: 0, empathy: 9 };
    expect(issuesOf("raterIndex", () => raterIndex(scores)).map((i) => i.path)).toEqual([
      ["scores", "tangibles"],
      ["scores", "empathy"],
    ]);
    const counts = {
      customerCount: 10,
      repurchasingCustomers: 11,
      referringCustomers: 12,
      revenue: "1.00",
    };
    expect(
      issuesOf("satisfactionIndicators", () => satisfactionIndicators(counts)).map((i) => i.path),
    ).toEqual([
      ["parameters", "repurchasingCustomers"],
      ["parameters", "referringCustomers"],
      ["parameters", "transactions"],
    ]);
  });
});

describe("satisfaction results are plain data", () => {
  it("every result survives structuredClone with equal data", () => {
    const results = [
      netPromoterScore([10, 9, 6, 7]),
      compareNetPromoterScores([10, 9, 6, 7], [3, 9, 9, 8]),
      customerSatisfactionScore([5, 4, 3], { scale: five }),
      customerEffortScore([7, 6, 2], { version: "2.0" }),
      satisfactionIndex([{ name: "s", answers: [8, 9] }], { weights: [1] }),
      kanoClassify([{ attribute: "a", functional: "like", dysfunctional: "dislike" }]),
      servqual(servqualRows()),
      raterIndex(rater),
      satisfactionIndicators({ customerCount: 10, repurchasingCustomers: 4 }),
      satisfactionLoyaltySegment([{ customerId: "a", satisfaction: 5, loyalty: 5 }]),
      loyaltyMatrix([{ customerId: "a", relativeAttitude: 1, repeatPatronage: 1 }]),
      loyaltyScore([{ customerId: "a", satisfaction: 5, repeatPurchase: 1 }]),
      loyaltyType([
        { customerId: "a", alternativesAvailable: true, repeatPurchase: 1, attitude: 1 },
      ]),
    ];
    for (const result of results) expect(structuredClone(result)).toEqual(result);
  });
});
