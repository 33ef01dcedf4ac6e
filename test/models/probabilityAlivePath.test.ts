/**
 * probabilityAlivePath: lifetimes `tests/test_utils.py::test_calculate_alive_path` asserts that the
 * path starts at 1 and that its point at the customer's age T equals
 * `conditional_probability_alive(frequency, recency, T)` of the summary; the same two facts here on
 * CDNOW customers (Fader, Hardie & Lee 2005 BG/NBD, calibration end 1997-09-30), for every
 * bucketing, plus the exact equality with summarizeTransactions at every cut-off.
 */
import { describe, expect, it } from "vitest";
import { probabilityAlive, probabilityAlivePath, summarizeTransactions } from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";
import { cdnowSample } from "../fixtures/load.js";
import { CDNOW_BG_NBD, CDNOW_PARETO_NBD } from "../fixtures/models.js";

const log = cdnowSample();
const ofCustomer = (id: string) => log.filter((row) => row.customerId === id);

describe("probabilityAlivePath", () => {
  it("starts at 1 and ends at probabilityAlive of the summarizeTransactions row (lifetimes test)", () => {
    for (const id of ["1", "2", "18", "1000"]) {
      const rows = ofCustomer(id);
      for (const bucketing of ["elapsed", "calendar"] as const) {
        const options = { observationEnd: "1997-09-30", unit: "week", bucketing } as const;
        for (const model of [CDNOW_BG_NBD, CDNOW_PARETO_NBD]) {
          const path = probabilityAlivePath(model, rows, options);
          const summary = summarizeTransactions(rows, options);
          const last = path[path.length - 1]!;
          expect(path[0]!.probabilityAlive).toBe(1);
          expect(path[0]!.T).toBe(0);
          expect(last).toMatchObject({
            T: summary[0]!.T,
            frequency: summary[0]!.frequency,
            recency: summary[0]!.recency,
          });
          expect(last.probabilityAlive).toBe(probabilityAlive(model, summary)[0]);
          expect(last.date).toBe("1997-09-30");
        }
      }
    }
  });

  it("every point is the summary of the log cut at its date", () => {
    const rows = ofCustomer("18");
    const path = probabilityAlivePath(CDNOW_BG_NBD, rows, {
      observationEnd: "1997-09-30",
      bucketing: "elapsed",
    });
    expect(path.map((p) => p.T).slice(0, 3)).toEqual([0, 1, 2]);
    for (const point of path) {
      const [row] = summarizeTransactions(rows, {
        observationEnd: point.date,
        unit: "week",
        bucketing: "elapsed",
      });
      expect(point).toMatchObject({ T: row!.T, frequency: row!.frequency, recency: row!.recency });
    }
    // P(alive) only falls between purchases and jumps at a repeat purchase
    for (let i = 1; i < path.length; i++) {
      if (path[i]!.frequency === path[i - 1]!.frequency) {
        expect(path[i]!.probabilityAlive).toBeLessThanOrEqual(path[i - 1]!.probabilityAlive);
      }
    }
  });

  it("MBG/NBD starts at b/(a + b)", () => {
    const mbg = { ...CDNOW_BG_NBD, kind: "mbg-nbd" as const };
    const [first] = probabilityAlivePath(mbg, ofCustomer("1"), { observationEnd: "1997-09-30" });
    const { a, b } = mbg.params;
    expect(first!.probabilityAlive).toBeCloseTo(b / (a + b), 14);
  });

  it("rejects another unit, two customers, bad dates and an empty history", () => {
    const fn = "probabilityAlivePath";
    const rows = ofCustomer("2");
    expectIssue(
      () => probabilityAlivePath(CDNOW_BG_NBD, rows, { observationEnd: "1997-09-30", unit: "day" }),
      fn,
      ["options", "unit"],
      "unit_mismatch",
    );
    expectIssue(
      () =>
        probabilityAlivePath(CDNOW_BG_NBD, [...rows, ...ofCustomer("3")], {
          observationEnd: "1997-09-30",
        }),
      fn,
      ["purchases", rows.length, "customerId"],
      "inconsistent",
    );
    expectIssue(
      () =>
        probabilityAlivePath(CDNOW_BG_NBD, [{ date: "1997-13-01" }], {
          observationEnd: "1997-09-30",
        }),
      fn,
      ["purchases", 0, "date"],
      "invalid_date",
    );
    expectIssue(
      () =>
        probabilityAlivePath(CDNOW_BG_NBD, [{ date: "1998-01-01" }], {
          observationEnd: "1997-09-30",
        }),
      fn,
      ["purchases"],
      "too_small",
    );
    expectIssue(
      () =>
        probabilityAlivePath(CDNOW_BG_NBD, rows, { observationEnd: "1997-09-30", end: 1 } as never),
      fn,
      ["options", "end"],
      "unknown_key",
    );
    expectIssue(
      () =>
        probabilityAlivePath({ ...CDNOW_BG_NBD, unit: "day" }, [{ date: "1997-01-01" }], {
          observationEnd: "9999-12-31",
        }),
      fn,
      ["options", "observationEnd"],
      "too_big",
    );
    expectIssue(
      () =>
        // A hole at index 0, built without a sparse-array literal.
        probabilityAlivePath(
          CDNOW_BG_NBD,
          Object.assign(new Array(2), { 1: { date: "1997-01-01" } }) as never,
          {
            observationEnd: "1997-09-30",
          },
        ),
      fn,
      ["purchases", 0],
      "required",
    );
  });
});
