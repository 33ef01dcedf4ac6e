import { describe, expect, it } from "vitest";
import { rfmTable, summarizeTransactions } from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";
import { cdnowMaster } from "../fixtures/load.js";

// Issue 16: "RFM same-day orders are always separate purchases (R rfm's convention);
// PyMC-Marketing merges them; there is no option." R rfm counts transactions (n() in
// rfm_prep_table_data, R/rfm-table-transaction.R); PyMC-Marketing's rfm_summary sums a customer's
// transactions per time_unit period (_find_first_transactions, pymc_marketing/clv/utils.py,
// groupby([datetime, customer]).sum() at time_unit "D") before counting them.
describe("rfmTable sameDayPurchases", () => {
  it("merges same-day purchases per customer, amounts summed; the default keeps them apart", () => {
    const log = [
      { customerId: "a", date: "2024-03-01T09:00", amount: "10.00" },
      { customerId: "b", date: "2024-03-01", amount: 4 },
      { customerId: "a", date: "2024-03-01T23:59", amount: "20.00" },
      { customerId: "a", date: "2024-03-05", amount: "6.00" },
      { customerId: "a", date: "2024-03-05", amount: "0.00" },
      { customerId: "a", date: "2024-03-09", amount: "3.00" },
      { customerId: "a", date: "2024-04-01", amount: "99.00" }, // after asOf
    ];
    const separate = rfmTable(log, { asOf: "2024-03-31" });
    expect(rfmTable(log, { asOf: "2024-03-31", sameDayPurchases: "separate" })).toEqual(separate);
    const merged = rfmTable(log, { asOf: "2024-03-31", sameDayPurchases: "merge" });
    expect(separate.map((r) => [r.customerId, r.purchases, r.averageSpend.toString()])).toEqual([
      ["a", 5, "7.8"],
      ["b", 1, "4"],
    ]);
    // a: 1 March 30.00, 5 March 6.00, 9 March 3.00 → 3 purchases of 13.00 on average.
    expect(merged.map((r) => [r.customerId, r.purchases, r.averageSpend.toString()])).toEqual([
      ["a", 3, "13"],
      ["b", 1, "4"],
    ]);
    expect(merged.map((r) => [r.totalSpend.toString(), r.daysSinceLastPurchase])).toEqual(
      separate.map((r) => [r.totalSpend.toString(), r.daysSinceLastPurchase]),
    );
  });

  it("a day is a calendar day in timeZone", () => {
    // 23:30 UTC on 1 March and 00:30 UTC on 2 March: two days in UTC, one (1 March) in New York.
    const log = [
      { customerId: "a", date: "2024-03-01T23:30:00Z", amount: 1 },
      { customerId: "a", date: "2024-03-02T00:30:00Z", amount: 2 },
    ];
    const options = { asOf: "2024-03-31", sameDayPurchases: "merge" } as const;
    expect(rfmTable(log, options)[0]?.purchases).toBe(2);
    expect(rfmTable(log, { ...options, timeZone: "America/New_York" })[0]?.purchases).toBe(1);
  });

  it("CDNOW_master as of 1998-07-01: 1,157 of 23,570 customers change, 69,659 → 67,591 purchases", () => {
    const log = cdnowMaster();
    const separate = rfmTable(log, { asOf: "1998-07-01" });
    const merged = rfmTable(log, { asOf: "1998-07-01", sameDayPurchases: "merge" });
    expect(merged).toHaveLength(23_570);
    const changed = merged.filter((row, i) => row.purchases !== separate[i]!.purchases);
    expect(changed).toHaveLength(1_157);
    const total = (rows: typeof merged) => rows.reduce((sum, row) => sum + row.purchases, 0);
    expect(total(separate)).toBe(69_659);
    expect(total(merged)).toBe(67_591);
    // The same count as the buy-till-you-die summary, which merges days: Σ (frequency + 1).
    const btyd = summarizeTransactions(log, { observationEnd: "1998-07-01", unit: "day" });
    expect(btyd.reduce((sum, row) => sum + row.frequency + 1, 0)).toBe(67_591);
    // Hand-checked, CDNOW_master.txt lines 3–4: customer 00002 bought twice on 1997-01-12
    // (1 CD for $12.00, 5 CDs for $77.00) and never again.
    const [before, after] = [separate[1]!, merged[1]!];
    expect(after.customerId).toBe("00002");
    expect([before.purchases, before.averageSpend.toString()]).toEqual([2, "44.5"]);
    expect([after.purchases, after.averageSpend.toString()]).toEqual([1, "89"]);
    expect(after.totalSpend.toString()).toBe("89");
  });

  it("rejects another value (options.sameDayPurchases, invalid_value)", () => {
    const error = catchInvalidInput(() =>
      rfmTable([], { asOf: "2024-03-31", sameDayPurchases: "sum" as "merge" }),
    );
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [["options", "sameDayPurchases"], "invalid_value"],
    ]);
  });
});
