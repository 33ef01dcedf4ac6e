/**
 * churnRate: churn = lost / customers at the start, acquisitions excluded; retention = 1 − churn
 * (Griffin & Lowenstein 2001). Worked example as printed by jiandaoyun.com (简道云, "客户流失率"):
 * 1000 customers at the start, 100 lost → 10 % churn — here with 250 acquisitions during the period
 * that the naive (start − end)/start formula would wrongly net against the losses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CustomerTenure,
  churnRate,
  type InputIssue,
  InvalidInputError,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";

describe("churnRate", () => {
  it("reproduces 1000 → 100 lost = 10 % churn, ignoring 250 acquisitions (jiandaoyun.com example)", () => {
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
    // Q1 2024, both days inclusive.
    const result = churnRate(customers, { periodStart: "2024-01-01", periodEnd: "2024-03-31" });
    expect(result.customerCountAtStart).toBe(1000);
    expect(result.lostCustomerCount).toBe(100);
    expect(result.acquiredCustomerCount).toBe(250);
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
        { acquiredAt: "2023-01-10", cohort: "__proto__", churnedAt: "2024-02-01" }, // lost the day after periodEnd: not in the period
      ],
      { periodStart: "2024-01-01", periodEnd: "2024-01-31" },
    );
    expect(result.byCohort.map((c) => c.cohort)).toEqual(["2023-01", "2023-02", "__proto__"]);
    expect(result.byCohort[0]).toEqual({
      cohort: "2023-01",
      customerCountAtStart: 2,
      lostCustomerCount: 1,
      acquiredCustomerCount: 0,
      churnRate: 0.5,
      retentionRate: 0.5,
    });
    expect(result.byCohort[2]!.churnRate).toBe(0);
    expect(result.customerCountAtStart).toBe(4);
    expect(result.lostCustomerCount).toBe(1);
    expect(result.acquiredCustomerCount).toBe(1);
    // Plain data: survives structuredClone (and JSON) with equal data.
    expect(structuredClone(result)).toEqual(result);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("reads date-only strings in the given time zone", () => {
    const customers: CustomerTenure[] = [
      { acquiredAt: "2023-12-01" },
      { acquiredAt: "2023-12-01", churnedAt: new Date("2024-01-31T23:30:00Z") },
    ];
    const utc = churnRate(customers, { periodStart: "2024-01-01", periodEnd: "2024-01-31" });
    const tokyo = churnRate(customers, {
      periodStart: "2024-01-01",
      periodEnd: "2024-01-31",
      timeZone: "Asia/Tokyo",
    });
    expect(utc.lostCustomerCount).toBe(1);
    expect(tokyo.lostCustomerCount).toBe(0); // 23:30 UTC is already 1 February in Tokyo
    expect(tokyo.periodStart).toBe("2024-01-01");
    expect(tokyo.periodEnd).toBe("2024-01-31");
  });

  it("counts both period days inclusively (the cut-off rule)", () => {
    const result = churnRate(
      [
        { acquiredAt: "2023-12-31", churnedAt: "2024-01-01" }, // lost on periodStart: at the start, lost
        { acquiredAt: "2023-12-31", churnedAt: "2024-03-31" }, // lost on periodEnd: lost
        { acquiredAt: "2023-12-31", churnedAt: "2023-12-31" }, // lost the day before: not at the start
        { acquiredAt: "2023-06-01" },
        { acquiredAt: "2024-01-01" }, // acquired on periodStart: acquired during
        { acquiredAt: "2024-03-31T23:59:59" }, // acquired on periodEnd: acquired during
        { acquiredAt: "2024-04-01" }, // after the period: plays no part
      ],
      { periodStart: "2024-01-01", periodEnd: "2024-03-31" },
    );
    expect(result.customerCountAtStart).toBe(3);
    expect(result.lostCustomerCount).toBe(2);
    expect(result.acquiredCustomerCount).toBe(2);
    // A one-day period is allowed.
    const oneDay = churnRate([{ acquiredAt: "2023-12-31", churnedAt: "2024-01-01" }], {
      periodStart: "2024-01-01",
      periodEnd: "2024-01-01",
    });
    expect(oneDay.churnRate).toBe(1);
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
          expect(r.customerCountAtStart + r.acquiredCustomerCount).toBeLessThanOrEqual(
            customers.length,
          );
        },
      ),
    );
  });

  const ok = { periodStart: "2024-01-01", periodEnd: "2024-01-31" };
  const cases: [string, () => unknown, PropertyKey[], InputIssue["code"]][] = [
    [
      "bad acquiredAt",
      () => churnRate([{ acquiredAt: "2023-01-01" }, { acquiredAt: "2023-02-30" }], ok),
      ["customers", 1, "acquiredAt"],
      "invalid_date",
    ],
    [
      "missing acquiredAt",
      () => churnRate([{ acquiredAt: "2023-01-01" }, {} as never], ok),
      ["customers", 1, "acquiredAt"],
      "required",
    ],
    [
      "bad churnedAt",
      () => churnRate([{ acquiredAt: "2023-01-01", churnedAt: "x" }], ok),
      ["customers", 0, "churnedAt"],
      "invalid_date",
    ],
    [
      "churned before acquired",
      () => churnRate([{ acquiredAt: "2023-01-01", churnedAt: "2022-01-01" }], ok),
      ["customers", 0, "churnedAt"],
      "inconsistent",
    ],
    [
      "non-string cohort",
      () => churnRate([{ acquiredAt: "2023-01-01", cohort: 3 as never }], ok),
      ["customers", 0, "cohort"],
      "invalid_type",
    ],
    [
      "end before start",
      () =>
        churnRate([{ acquiredAt: "2023-01-01" }], {
          periodStart: "2024-02-01",
          periodEnd: "2024-01-31",
        }),
      ["options", "periodEnd"],
      "inconsistent",
    ],
    [
      "bad periodStart",
      () => churnRate([{ acquiredAt: "2023-01-01" }], { ...ok, periodStart: "soon" }),
      ["options", "periodStart"],
      "invalid_date",
    ],
    [
      "missing periodEnd",
      () => churnRate([{ acquiredAt: "2023-01-01" }], { periodStart: "2024-01-01" } as never),
      ["options", "periodEnd"],
      "required",
    ],
    [
      "bad time zone",
      () => churnRate([{ acquiredAt: "2023-01-01" }], { ...ok, timeZone: "Mars/Base" }),
      ["options", "timeZone"],
      "invalid_value",
    ],
    [
      "nobody at the start",
      () => churnRate([{ acquiredAt: "2024-01-05" }], ok),
      ["customers"],
      "too_small",
    ],
    ["empty", () => churnRate([], ok), ["customers"], "too_small"],
    ["not an array", () => churnRate({} as never, ok), ["customers"], "invalid_type"],
  ];
  it.each(cases)("%s → InvalidInputError with path and code", (_n, call, path, code) => {
    expectIssue(call, "churnRate", path, code);
  });
  it("lists every bad row in one error", () => {
    const error = expectIssue(
      () =>
        churnRate(
          [
            { acquiredAt: "2023-02-30" },
            { acquiredAt: "2023-01-01" },
            { acquiredAt: "2023-01-01", churnedAt: "2022-01-01", cohort: 3 as never },
          ],
          ok,
        ),
      "churnRate",
      ["customers", 0, "acquiredAt"],
      "invalid_date",
    );
    expect(error.issues[0]!.received).toBe("2023-02-30");
    expect(error.issues.map((i) => i.path)).toEqual([
      ["customers", 0, "acquiredAt"],
      ["customers", 2, "churnedAt"],
      ["customers", 2, "cohort"],
    ]);
    expect(error).toBeInstanceOf(InvalidInputError);
  });
});
