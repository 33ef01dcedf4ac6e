/**
 * The RFM trap: `recency` is the buy-till-you-die recency (first to last purchase) in
 * `summarizeTransactions` rows and was "days since the last purchase" in RFM. Piping one into the
 * other silently inverted the R scores. Now the RFM measures have their own names, and a BTYD row
 * where an RFM row belongs is an InvalidInputError naming the field — never inverted scores.
 */
import { describe, expect, it } from "vitest";
import {
  assignSegments,
  InvalidInputError,
  indexByCustomerId,
  rfmScores,
  rfmTable,
  summarizeTransactions,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";

// Five customers, analysis day 2024-06-30:
// - "loyal" bought every month since January, last yesterday: the most recent customer;
// - "lapsed" bought twice in January and never again;
// - "new" bought once, three days ago;
// - "mid" bought in March and April; "old" once in February.
const log = [
  ...["01", "02", "03", "04", "05"].map((m) => ({
    customerId: "loyal",
    date: `2024-${m}-15`,
    amount: "40.00",
  })),
  { customerId: "loyal", date: "2024-06-29", amount: "40.00" },
  { customerId: "lapsed", date: "2024-01-02", amount: "25.00" },
  { customerId: "lapsed", date: "2024-01-20", amount: "25.00" },
  { customerId: "new", date: "2024-06-27", amount: "10.00" },
  { customerId: "mid", date: "2024-03-10", amount: "30.00" },
  { customerId: "mid", date: "2024-04-10", amount: "30.00" },
  { customerId: "old", date: "2024-02-01", amount: "5.00" },
];
const asOf = "2024-06-30";

describe("the RFM recency trap is closed", () => {
  it("summarizeTransactions rows piped into rfmScores: InvalidInputError at customers[i].recency, code wrong_row_kind", () => {
    const summaries = summarizeTransactions(log, { observationEnd: asOf, unit: "day" });
    // What a user would write (and what compiled before 0.2.0):
    const run = () =>
      // @ts-expect-error BTYD rows are not RFM measures
      rfmScores(summaries, { bins: 3 });
    const error = expectIssue(run, "rfmScores", ["customers", 0, "recency"], "wrong_row_kind");
    // every row is named, one issue per row
    expect(error.issues).toHaveLength(summaries.length);
    expect(error.issues.every((issue) => issue.code === "wrong_row_kind")).toBe(true);
    expect(error.issues[0]!.received).toBe(summaries[0]!.recency);
    expect(error.issues[0]!.message).toContain("time from the first to the last purchase");
    expect(error.issues[0]!.message).toContain("daysSinceLastPurchase");
  });

  it("a BTYD row dressed up with the RFM names still carries recency/T and is refused", () => {
    const summaries = summarizeTransactions(log, { observationEnd: asOf, unit: "day" });
    const dressed = summaries.map((row) => ({
      ...row,
      daysSinceLastPurchase: row.recency,
      purchases: row.frequency,
    }));
    expectIssue(
      // @ts-expect-error recency and T are declared `never` on RFM rows
      () => rfmScores(dressed),
      "rfmScores",
      ["customers", 0, "recency"],
      "wrong_row_kind",
    );
    // A row carrying only T is refused at T.
    const onlyT = [
      { customerId: "x", daysSinceLastPurchase: 1, purchases: 1, totalSpend: 1, T: 10 },
    ];
    const error = expectIssue(
      // @ts-expect-error T marks a BTYD row
      () => rfmScores(onlyT),
      "rfmScores",
      ["customers", 0, "T"],
      "wrong_row_kind",
    );
    expect(error).toBeInstanceOf(InvalidInputError);
  });

  it("rfmTable → rfmScores gives the right R scores: who bought yesterday gets the top score", () => {
    const table = rfmTable(log, { asOf });
    const { scores } = rfmScores(table, { bins: 3 });
    const byId = indexByCustomerId(scores);
    // bought yesterday → 1 day since the last purchase → top recency score
    expect(table.find((r) => r.customerId === "loyal")!.daysSinceLastPurchase).toBe(1);
    expect(byId.get("loyal")!.recencyScore).toBe(3);
    // ranks 0..4 of 5 customers: ⌊rank·3/5⌋ + 1 → "new" (3 days, rank 3) scores 2
    expect(byId.get("new")!.recencyScore).toBe(2);
    // the longest-lapsed customers get the lowest
    expect(byId.get("lapsed")!.recencyScore).toBe(1);
    expect(byId.get("old")!.recencyScore).toBe(1);
    // R never goes up as days since the last purchase go up
    const days = new Map(table.map((r) => [r.customerId, r.daysSinceLastPurchase]));
    for (const a of scores)
      for (const b of scores)
        if (days.get(a.customerId)! < days.get(b.customerId)!)
          expect(a.recencyScore).toBeGreaterThanOrEqual(b.recencyScore);
    // The BTYD recency ranks the other way round for these customers: "loyal" has the longest
    // first-to-last span and "new" the shortest (0), although both bought in the last days. Read
    // as RFM, it would have given "loyal" the worst recency score.
    const btyd = new Map(
      summarizeTransactions(log, { observationEnd: asOf, unit: "day" }).map((r) => [
        r.customerId,
        r.recency,
      ]),
    );
    expect(btyd.get("new")).toBe(0);
    expect(btyd.get("loyal")!).toBeGreaterThan(btyd.get("lapsed")!);
    // and the segment of the most loyal customer is the top one
    const segments = indexByCustomerId(
      assignSegments(scores, {
        rules: [
          {
            name: "Best",
            recencyScore: [3, 3],
            frequencyScore: [3, 3],
            monetaryScore: [3, 3],
          },
        ],
      }),
    );
    expect(segments.get("loyal")!.segment).toBe("Best");
  });
});
