/**
 * churnRate: churn = lost / customers at the start, acquisitions excluded; retention = 1 − churn
 * (formulas.md §8.1). Worked example as printed there (jiandaoyun.com): 1000 customers at the
 * start, 100 lost → 10 % churn — here with 250 acquisitions during the period that the naive
 * (start − end)/start formula would wrongly net against the losses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CustomerTenure, churnRate, InvalidInputError } from "../../src/index.js";

describe("churnRate", () => {
  it("reproduces 1000 → 100 lost = 10 % churn, ignoring 250 acquisitions (formulas.md §8.1)", () => {
    const customers: CustomerTenure[] = [];
    for (let i = 0; i < 1000; i++) {
      customers.push(
        i < 100
          ? { acquiredAt: "2023-06-01", churnedAt: "2024-02-10" }
          : { acquiredAt: "2023-06-01" },
      );
    }
    for (let i = 0; i < 250; i++)
      customers.push({ acquiredAt: "2024-03-01", ...(i < 30 ? { churnedAt: "2024-03-20" } : {}) });
    const result = churnRate(customers, { periodStart: "2024-01-01", periodEnd: "2024-04-01" });
    expect(result.customersAtStart).toBe(1000);
    expect(result.customersLost).toBe(100);
    expect(result.acquiredDuringPeriod).toBe(250);
    expect(result.churnRate).toBe(0.1);
    expect(result.retentionRate).toBe(0.9);
    // the naive (start − end)/start would give (1000 − 1120)/1000 < 0
  });

  it("splits by cohort and leaves out cohorts without customers at the start", () => {
    const result = churnRate(
      [
        { acquiredAt: "2023-01-15", cohort: "2023-01", churnedAt: "2024-01-31" },
        { acquiredAt: "2023-01-20", cohort: "2023-01" },
        { acquiredAt: "2023-02-03", cohort: "2023-02" },
        { acquiredAt: "2024-01-10", cohort: "2024-01" },
        { acquiredAt: "2022-12-01", cohort: "2022-12", churnedAt: "2023-12-31" }, // lost before the period
        { acquiredAt: "2023-01-10", cohort: "__proto__", churnedAt: "2024-02-01" }, // lost on periodEnd: not in the period
      ],
      { periodStart: "2024-01-01", periodEnd: "2024-02-01" },
    );
    expect([...result.byCohort.keys()]).toEqual(["2023-01", "2023-02", "__proto__"]);
    expect(result.byCohort.get("2023-01")!.churnRate).toBe(0.5);
    expect(result.byCohort.get("__proto__")!.churnRate).toBe(0);
    expect(result.customersAtStart).toBe(4);
    expect(result.customersLost).toBe(1);
    expect(result.acquiredDuringPeriod).toBe(1);
  });

  it("reads date-only strings in the given time zone", () => {
    const customers: CustomerTenure[] = [
      { acquiredAt: "2023-12-01" },
      { acquiredAt: "2023-12-01", churnedAt: new Date("2024-01-31T23:30:00Z") },
    ];
    const utc = churnRate(customers, { periodStart: "2024-01-01", periodEnd: "2024-02-01" });
    const tokyo = churnRate(customers, {
      periodStart: "2024-01-01",
      periodEnd: "2024-02-01",
      timeZone: "Asia/Tokyo",
    });
    expect(utc.customersLost).toBe(1);
    expect(tokyo.customersLost).toBe(0); // 23:30 UTC is already 1 February in Tokyo
    expect(tokyo.periodStart.toISOString()).toBe("2023-12-31T15:00:00.000Z");
  });

  it("property: churn and retention in [0, 1] and sum to 1", () => {
    const day = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2023, 0, 1 + d)));
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: day, lost: fc.option(fc.integer({ min: 0, max: 200 })) }), {
          minLength: 1,
          maxLength: 60,
        }),
        (rows) => {
          const customers: CustomerTenure[] = rows.map((r) =>
            r.lost === null
              ? { acquiredAt: r.a }
              : { acquiredAt: r.a, churnedAt: new Date(r.a.getTime() + r.lost * 86_400_000) },
          );
          const start = new Date(Date.UTC(2023, 6, 1));
          const end = new Date(Date.UTC(2023, 9, 1));
          if (
            !customers.some(
              (c) =>
                (c.acquiredAt as Date) < start &&
                (c.churnedAt === undefined || (c.churnedAt as Date) >= start),
            )
          ) {
            expect(() => churnRate(customers, { periodStart: start, periodEnd: end })).toThrow(
              InvalidInputError,
            );
            return;
          }
          const r = churnRate(customers, { periodStart: start, periodEnd: end });
          expect(r.churnRate).toBeGreaterThanOrEqual(0);
          expect(r.churnRate).toBeLessThanOrEqual(1);
          expect(r.churnRate + r.retentionRate).toBeCloseTo(1, 15);
          expect(r.customersAtStart + r.acquiredDuringPeriod).toBeLessThanOrEqual(customers.length);
        },
      ),
    );
  });

  const ok = { periodStart: "2024-01-01", periodEnd: "2024-02-01" };
  const cases: [string, () => unknown, string][] = [
    [
      "bad acquiredAt",
      () => churnRate([{ acquiredAt: "2023-01-01" }, { acquiredAt: "2023-02-30" }], ok),
      "[1].acquiredAt",
    ],
    [
      "bad churnedAt",
      () => churnRate([{ acquiredAt: "2023-01-01", churnedAt: "x" }], ok),
      "[0].churnedAt",
    ],
    [
      "churned before acquired",
      () => churnRate([{ acquiredAt: "2023-01-01", churnedAt: "2022-01-01" }], ok),
      "[0].churnedAt",
    ],
    [
      "non-string cohort",
      () => churnRate([{ acquiredAt: "2023-01-01", cohort: 3 as never }], ok),
      "[0].cohort",
    ],
    [
      "end before start",
      () =>
        churnRate([{ acquiredAt: "2023-01-01" }], {
          periodStart: "2024-02-01",
          periodEnd: "2024-01-01",
        }),
      "options.periodEnd",
    ],
    [
      "bad periodStart",
      () => churnRate([{ acquiredAt: "2023-01-01" }], { ...ok, periodStart: "soon" }),
      "options.periodStart",
    ],
    [
      "bad time zone",
      () => churnRate([{ acquiredAt: "2023-01-01" }], { ...ok, timeZone: "Mars/Base" }),
      "options.timeZone",
    ],
    [
      "nobody at the start",
      () => churnRate([{ acquiredAt: "2024-01-05" }], ok),
      "No customer was active",
    ],
    ["empty", () => churnRate([], ok), "No customer was active"],
  ];
  it.each(cases)("%s → InvalidInputError", (_n, call, path) => {
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(path);
  });
});
