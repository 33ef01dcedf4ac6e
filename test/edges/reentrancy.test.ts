/**
 * Re-entrant calls and read-once inputs.
 *
 * Every function that uses scratch memory (core/scratch.ts) — summarizeTransactions,
 * splitCalibrationHoldout, rfmTable (the transaction-log parser and id numbering) and
 * prioritizeRecovery (ranking and budget selection) — is called with one input row carrying a getter
 * that calls all four again on other data while the outer call is half way through. The outer result
 * must equal the result of the same call on plain data, and so must the nested ones. Before the fix
 * the nested call reused the outer call's buffers: customer c0 came back with the inner log's
 * firstPurchase and totalSpend.
 */
import { describe, expect, it } from "vitest";
import {
  assignSegments,
  churnRisk,
  customerLifetimeValue,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
  lifecycleStage,
  type PrioritizeRecoveryOptions,
  prioritizeRecovery,
  type RecoveryCandidate,
  rfmScores,
  rfmTable,
  segmentSummary,
  splitCalibrationHoldout,
  summarizeTransactions,
  type Transaction,
} from "../../src/index.js";
import { cdnowSummary, donations } from "../fixtures/load.js";
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from "../fixtures/models.js";

/** JSON-comparable form of a result: Decimals as strings, maps as entry lists. */
function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      v instanceof Map ||
      (typeof v === "object" && v !== null && Symbol.iterator in v && "get" in v)
        ? [...(v as Map<unknown, unknown>).entries()]
        : v,
    ),
  );
}

/** A copy of `rows` whose row `at` calls `nested` (once) when its `field` is first read. */
function withReentrantField<T extends object>(
  rows: readonly T[],
  at: number,
  field: keyof T & string,
  nested: () => void,
): T[] {
  const copy = rows.map((row) => ({ ...row }));
  const original = copy[at]!;
  const value = original[field];
  let fired = false;
  const row = { ...original };
  Object.defineProperty(row, field, {
    enumerable: true,
    get() {
      if (!fired) {
        fired = true;
        nested();
      }
      return value;
    },
  });
  copy[at] = row;
  return copy;
}

// Outer log: c0 first (index 0 of every buffer), amounts with cents and one that needs a Decimal
// (nine decimals), so both the integer path and the exact fallback run.
const outerLog: Transaction[] = [
  { customerId: "c0", date: "2024-01-03", amount: "10.00" },
  { customerId: "c1", date: "2024-01-05", amount: "7.25" },
  { customerId: "c0", date: "2024-02-10", amount: "20.50" },
  { customerId: "c2", date: "2024-02-11", amount: 3 },
  { customerId: "c1", date: "2024-03-01", amount: "0.123456789" },
  { customerId: "c0", date: "2024-03-20", amount: "4.75" },
  { customerId: "c3", date: "2024-03-25" },
];

// Inner log: more rows and customers than the outer one, other dates and amounts.
const innerLog: Transaction[] = Array.from({ length: 40 }, (_, i) => ({
  customerId: `inner-${i % 13}`,
  date: `2023-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}`,
  amount: `${100 + i}.${String(i % 100).padStart(2, "0")}`,
}));

const summaryOptions = { observationEnd: "2024-03-31", unit: "week" } as const;
const splitOptions = {
  unit: "day",
  calibrationEnd: "2024-02-15",
  observationEnd: "2024-03-31",
} as const;
const rfmOptions = { asOf: "2024-03-31" } as const;
const innerSummaryOptions = { observationEnd: "2023-12-31", unit: "day" } as const;
const innerSplitOptions = {
  unit: "day",
  calibrationEnd: "2023-06-30",
  observationEnd: "2023-12-31",
} as const;
const innerRfmOptions = { asOf: "2023-12-31" } as const;

const outerCandidates: RecoveryCandidate[] = [
  { customerId: "c0", value: 5000, cause: "own", cost: 200, winBackProbability: 0.4 },
  { customerId: "c1", value: "800.10", cause: "third-party", cost: 50, daysSinceLastPurchase: 90 },
  { customerId: "7", value: 40, cause: "unknown", cost: "20.00", winBackProbability: 0.2 },
  { customerId: "c3", value: 1200, cause: "uncontrollable", cost: 10, daysSinceLastPurchase: 30 },
  {
    customerId: "c4",
    value: 300,
    cause: "own",
    cost: 30,
    secondLifetimeValue: 450,
    daysSinceLastPurchase: 60,
  },
];
const innerCandidates: RecoveryCandidate[] = Array.from({ length: 30 }, (_, i) => ({
  customerId: `inner-${i}`,
  value: 50 + 97 * i,
  cause: (["own", "third-party", "uncontrollable", "unknown"] as const)[i % 4]!,
  cost: 5 + (i % 7),
  winBackProbability: ((i * 37) % 100) / 100,
}));
// Greedy selection (few exact cells), so the greedy path's scratch arrays are used too.
const recoveryOptions: PrioritizeRecoveryOptions = { budget: 400, maxExactCells: 10 };
const innerRecoveryOptions: PrioritizeRecoveryOptions = { budget: 60, maxExactCells: 10 };

const expected = {
  summary: plain(summarizeTransactions(outerLog, summaryOptions)),
  split: plain(splitCalibrationHoldout(outerLog, splitOptions)),
  rfm: plain(rfmTable(outerLog, rfmOptions)),
  recovery: plain(prioritizeRecovery(outerCandidates, recoveryOptions)),
  innerSummary: plain(summarizeTransactions(innerLog, innerSummaryOptions)),
  innerSplit: plain(splitCalibrationHoldout(innerLog, innerSplitOptions)),
  innerRfm: plain(rfmTable(innerLog, innerRfmOptions)),
  innerRecovery: plain(prioritizeRecovery(innerCandidates, innerRecoveryOptions)),
};

/** Calls every scratch-using function on the inner data and checks each against its plain result. */
function nestedCalls(): void {
  expect(plain(summarizeTransactions(innerLog, innerSummaryOptions))).toEqual(
    expected.innerSummary,
  );
  expect(plain(splitCalibrationHoldout(innerLog, innerSplitOptions))).toEqual(expected.innerSplit);
  expect(plain(rfmTable(innerLog, innerRfmOptions))).toEqual(expected.innerRfm);
  expect(plain(prioritizeRecovery(innerCandidates, innerRecoveryOptions))).toEqual(
    expected.innerRecovery,
  );
}

describe("re-entrant calls from a getter on an input row", () => {
  it("the reproducer: c0 keeps its own firstPurchase and totalSpend", () => {
    const log = withReentrantField(outerLog, outerLog.length - 1, "customerId", () => {
      summarizeTransactions(innerLog, innerSummaryOptions);
    });
    const rows = summarizeTransactions(log, summaryOptions);
    expect(rows[0]!.customerId).toBe("c0");
    expect(rows[0]!.firstPurchase).toBe("2024-01-03");
    expect(rows[0]!.totalSpend.toString()).toBe("35.25");
  });

  const fields = ["customerId", "date", "amount"] as const;
  // A getter on the first row, a middle row and the last row: nested work before, during and
  // after the outer call has filled its buffers.
  const positions = [0, 3, outerLog.length - 1];
  for (const field of fields) {
    for (const at of positions) {
      it(`transaction logs: getter on [${at}].${field}`, () => {
        const log = () => withReentrantField(outerLog, at, field, nestedCalls);
        expect(plain(summarizeTransactions(log(), summaryOptions))).toEqual(expected.summary);
        expect(plain(splitCalibrationHoldout(log(), splitOptions))).toEqual(expected.split);
        expect(plain(rfmTable(log(), rfmOptions))).toEqual(expected.rfm);
      });
    }
  }

  const candidateFields = ["customerId", "value", "cost", "cause"] as const;
  for (const field of candidateFields) {
    for (const at of [0, outerCandidates.length - 1]) {
      it(`prioritizeRecovery: getter on [${at}].${field}`, () => {
        const candidates = withReentrantField(outerCandidates, at, field, nestedCalls);
        expect(plain(prioritizeRecovery(candidates, recoveryOptions))).toEqual(expected.recovery);
      });
    }
  }

  it("a nested call that throws leaves the outer call intact", () => {
    const log = withReentrantField(outerLog, 4, "date", () => {
      expect(() =>
        summarizeTransactions([...innerLog, { customerId: "", date: "2023-01-01" }], {
          unit: "day",
          observationEnd: "2023-12-31",
        }),
      ).toThrow(/customer id/);
    });
    expect(plain(summarizeTransactions(log, summaryOptions))).toEqual(expected.summary);
  });
});

/**
 * Rows whose fields are counting getters: the first read of a field gives the valid value, every
 * later read an object (`{ hostile: true }`). A function that reads a field twice either returns
 * that object or throws; either way the count shows it.
 */
function countingRows(rows: readonly Record<string, unknown>[]): {
  rows: Record<string, unknown>[];
  reads: Map<string, number>;
} {
  const reads = new Map<string, number>();
  const out = rows.map((fields, i) => {
    const row: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      const name = `[${i}].${key}`;
      reads.set(name, 0);
      Object.defineProperty(row, key, {
        enumerable: true,
        get() {
          const count = reads.get(name)! + 1;
          reads.set(name, count);
          return count === 1 ? value : { hostile: true };
        },
      });
    }
    return row;
  });
  return { rows: out, reads };
}

/** Runs `call` and asserts that it succeeded and read every field exactly once. */
function expectReadOnce(reads: Map<string, number>, call: () => unknown): unknown {
  let result: unknown;
  let error: unknown;
  try {
    result = call();
  } catch (caught) {
    error = caught;
  }
  const twice = [...reads].filter(([, count]) => count > 1);
  expect(twice).toEqual([]);
  expect(error).toBeUndefined();
  return result;
}

/** Every string in `value` that sits where an id should be is a string (no object slipped in). */
function containsHostile(value: unknown): boolean {
  return JSON.stringify(plain(value)).includes("hostile");
}

describe("each input field is read exactly once", () => {
  const log = outerLog.map((t) => ({ ...t }) as Record<string, unknown>);

  it("summarizeTransactions, splitCalibrationHoldout, rfmTable", () => {
    const calls: [string, (rows: Record<string, unknown>[]) => unknown][] = [
      ["summarizeTransactions", (r) => summarizeTransactions(r as never, summaryOptions)],
      ["splitCalibrationHoldout", (r) => splitCalibrationHoldout(r as never, splitOptions)],
      ["rfmTable", (r) => rfmTable(r as never, rfmOptions)],
    ];
    for (const [, call] of calls) {
      // Integer path, the exact (Decimal) path, and the path for sums beyond 2^52.
      for (const data of [
        log.filter((t) => t.amount !== "0.123456789"),
        log,
        [...log, { customerId: "big", date: "2024-01-01", amount: 9e15 }],
      ]) {
        const { rows, reads } = countingRows(data);
        const result = expectReadOnce(reads, () => call(rows));
        expect(containsHostile(result)).toBe(false);
        expect(plain(result)).toEqual(plain(call(data)));
      }
    }
  });

  it("prioritizeRecovery (the customerId returned is the one validated)", () => {
    const { rows, reads } = countingRows(outerCandidates as unknown as Record<string, unknown>[]);
    const plan = expectReadOnce(reads, () =>
      prioritizeRecovery(rows as unknown as RecoveryCandidate[], recoveryOptions),
    ) as ReturnType<typeof prioritizeRecovery>;
    expect(containsHostile(plan)).toBe(false);
    // Ids are strings; entries are in input order.
    expect(plan.entries.map((e) => e.customerId)).toEqual(["c0", "c1", "7", "c3", "c4"]);
  });

  it("rfmScores, assignSegments, segmentSummary (rows)", () => {
    const values = Array.from({ length: 12 }, (_, i) => ({
      customerId: `c${i}`,
      daysSinceLastPurchase: (i * 7) % 30,
      purchases: 1 + (i % 5),
      totalSpend: 10 + 3.5 * i,
    }));
    const scoreRows = countingRows(values);
    const scores = expectReadOnce(scoreRows.reads, () =>
      rfmScores(scoreRows.rows as never),
    ) as ReturnType<typeof rfmScores>;
    expect(plain(scores)).toEqual(plain(rfmScores(values)));
    const triples = scores.scores.map(
      ({ customerId, recencyScore, frequencyScore, monetaryScore }) => ({
        customerId,
        recencyScore,
        frequencyScore,
        monetaryScore,
      }),
    );
    const tripleRows = countingRows(triples);
    const segments = expectReadOnce(tripleRows.reads, () =>
      assignSegments(tripleRows.rows as never),
    ) as ReturnType<typeof assignSegments>;
    expect(plain(segments)).toEqual(plain(assignSegments(triples)));
    const summaryRows = countingRows(values);
    const summary = expectReadOnce(summaryRows.reads, () =>
      segmentSummary(segments, summaryRows.rows as never),
    );
    expect(plain(summary)).toEqual(plain(segmentSummary(segments, values)));
  });

  it("churnRisk and customerLifetimeValue", () => {
    const model = CDNOW_BG_NBD;
    const spendModel = CDNOW_GAMMA_GAMMA;
    const customers = [
      { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" },
      { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
      { frequency: 5, recency: 20, T: 30, monetaryValue: 41.5 },
    ];
    const pair = { purchase: model, spend: spendModel };
    const options = {
      horizon: 52,
      discountRate: 0.0027,
      unit: "week",
      noPurchaseWindow: 4,
    } as const;
    const { rows, reads } = countingRows(customers);
    const result = expectReadOnce(reads, () => churnRisk(pair, rows as never, options));
    expect(plain(result)).toEqual(plain(churnRisk(pair, customers, options)));
    // The lifetime value it is built on.
    const input = { horizon: 52, discountRate: 0.0027, unit: "week" } as const;
    const counted = countingRows(customers);
    const values = expectReadOnce(counted.reads, () =>
      customerLifetimeValue(pair, counted.rows as never, input),
    );
    expect(plain(values)).toEqual(plain(customerLifetimeValue(pair, customers, input)));
  });

  it("lifecycleStage", () => {
    const history = [
      { date: "2024-01-10", amount: "20.00" },
      { date: "2024-02-12", amount: 35 },
      { date: "2024-04-02", amount: "12.5" },
      { date: "2024-05-20", amount: 50 },
    ];
    const options = { asOf: "2024-06-30", unit: "month" } as const;
    const { rows, reads } = countingRows(history);
    const result = expectReadOnce(reads, () => lifecycleStage(rows as never, options));
    expect(plain(result)).toEqual(plain(lifecycleStage(history, options)));
  });

  // The first 300 CDNOW calibration histories (weeks) and the BG/BB donation patterns: real data
  // the fitters converge on. The point is the number of reads, and that the fit equals the fit of
  // the plain rows.
  const histories = cdnowSummary()
    .slice(0, 300)
    .map(({ frequency, recency, T }) => ({ frequency, recency, T }));
  const fitters: [string, () => Record<string, unknown>[], (rows: never) => unknown][] = [
    ["fitBgNbd", () => histories, (rows) => fitBgNbd(rows, { unit: "week" })],
    ["fitMbgNbd", () => histories, (rows) => fitMbgNbd(rows, { unit: "week" })],
    ["fitParetoNbd", () => histories, (rows) => fitParetoNbd(rows, { unit: "week" })],
    [
      "fitGammaGamma",
      () =>
        histories
          .filter((h) => h.frequency > 0)
          .map((h, i) => ({ frequency: h.frequency, monetaryValue: 10 + ((i * 13) % 40) })),
      (rows) => fitGammaGamma(rows),
    ],
    ["fitBgBb", () => donations(), (rows) => fitBgBb(rows, { unit: "year" })],
    [
      "fitSbg",
      // Fader & Hardie (2007), "How to project customer retention", regular cohort's first 8
      // survivor counts (1000, 631, 468, 382, 326, 289, 262, 241) as one row per customer.
      () => sbgRegularRows(),
      (rows) => fitSbg(rows, { unit: "year" }),
    ],
  ];
  for (const [name, data, fitModel] of fitters) {
    it(name, () => {
      const { rows, reads } = countingRows(data());
      const model = expectReadOnce(reads, () => fitModel(rows as never));
      expect(plain(model)).toEqual(plain(fitModel(data() as never)));
    });
  }
});

/** One `{ periodsObserved, churned }` row per customer of the Fader & Hardie (2007) regular cohort. */
function sbgRegularRows(): { periodsObserved: number; churned: boolean }[] {
  const survivors = [1000, 631, 468, 382, 326, 289, 262, 241];
  const rows: { periodsObserved: number; churned: boolean }[] = [];
  for (let t = 1; t < survivors.length; t++) {
    const lost = (survivors[t - 1] ?? 0) - (survivors[t] ?? 0);
    for (let k = 0; k < lost; k++) rows.push({ periodsObserved: t, churned: true });
  }
  const stayed = survivors[survivors.length - 1] ?? 0;
  for (let k = 0; k < stayed; k++) {
    rows.push({ periodsObserved: survivors.length - 1, churned: false });
  }
  return rows;
}
