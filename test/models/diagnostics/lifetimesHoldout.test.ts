/**
 * lifetimes' own calibration/holdout comparison, on its own simulated transaction log
 * (test/fixtures/example_transactions.csv, 5,000 customers in 2014): lifetimes 0.11.3 @4f2833f,
 * tests/test_plotting.py:2197–2218, `test_plot_calibration_purchases_vs_holdout_purchases`:
 *
 *     holdout_expected = [0.161, 0.233, 0.348, 0.544, 0.710, 0.704, 1.606]
 *     predictions_expected = [0.270, 0.294, 0.402, 0.422, 0.706, 0.809, 1.019]
 *     summary = utils.calibration_and_holdout_data(transaction_data, "id", "date", "2014-09-01", "2014-12-31")
 *     bgf.fit(summary["frequency_cal"], summary["recency_cal"], summary["T_cal"])
 *     ...
 *     assert_allclose(holdout, holdout_expected, atol=0.01)
 *     assert_allclose(predictions, predictions_expected, atol=0.01)
 *
 * and `test_plot_calibration_purchases_vs_holdout_purchases_time_since_last_purchase`
 * (tests/test_plotting.py:2220–2241, the same split and fit, binned by T − recency):
 *
 *     holdout_expected = [3.954, 3.431, 3.482, 3.484, 2.75, 2.289, 1.968]
 *     predictions_expected = [4.345, 2.993, 3.236, 2.677, 2.240, 2.608, 2.430]
 *     ax = plotting.plot_calibration_purchases_vs_holdout_purchases(bgf, summary, kind="time_since_last_purchase")
 *
 * (`freq` is lifetimes' default "D": days; the plot's points are the mean holdout purchases and the
 * mean conditional expectation per calibration frequency 0…6, `n = 7`; the BetaGeoFitter has no
 * penalty.) 23 customers first bought on the calibration end day, 2014-09-01: T = 0.
 */
import { describe, expect, it } from "vitest";
import { fitBgNbd, holdoutComparison, splitCalibrationHoldout } from "../../../src/index.js";
import { exampleTransactions } from "../../fixtures/load.js";

const HOLDOUT = [0.161, 0.233, 0.348, 0.544, 0.71, 0.704, 1.606];
const PREDICTIONS = [0.27, 0.294, 0.402, 0.422, 0.706, 0.809, 1.019];
const SINCE_HOLDOUT = [3.954, 3.431, 3.482, 3.484, 2.75, 2.289, 1.968];
const SINCE_PREDICTIONS = [4.345, 2.993, 3.236, 2.677, 2.24, 2.608, 2.43];
const ATOL = 0.01;

describe("holdoutComparison(fitBgNbd(calibration), splitCalibrationHoldout(log)) on lifetimes' example transactions", () => {
  const rows = splitCalibrationHoldout(exampleTransactions(), {
    calibrationEnd: "2014-09-01",
    observationEnd: "2014-12-31",
    unit: "day",
  });
  const model = fitBgNbd(rows);
  const table = holdoutComparison(model, rows);

  it("keeps every customer, the 23 with T = 0 included", () => {
    expect(rows).toHaveLength(5000);
    const newcomers = rows.filter((r) => r.T === 0);
    expect(newcomers).toHaveLength(23);
    expect(newcomers.every((r) => r.firstPurchase === "2014-09-01" && r.frequency === 0)).toBe(
      true,
    );
    expect(model.customerCount).toBe(5000);
    expect(rows[0]!.holdoutDuration).toBe(121); // 2014-09-01 … 2014-12-31
  });
  it("the x = 0 bin matches lifetimes within its tolerance (0.01)", () => {
    const zero = table.rows[0]!;
    expect(zero.label).toBe("0");
    expect(Math.abs(zero.actual - HOLDOUT[0]!)).toBeLessThanOrEqual(ATOL);
    expect(Math.abs(zero.expected - PREDICTIONS[0]!)).toBeLessThanOrEqual(ATOL);
  });
  it("so do bins 1…6", () => {
    for (let x = 1; x <= 6; x++) {
      const bin = table.rows[x]!;
      expect(bin.bin).toBe(x);
      expect(Math.abs(bin.actual - HOLDOUT[x]!)).toBeLessThanOrEqual(ATOL);
      expect(Math.abs(bin.expected - PREDICTIONS[x]!)).toBeLessThanOrEqual(ATOL);
    }
  });
  it("by time since the last purchase (T − recency, days 0…6): lifetimes' second plot test, within 0.01", () => {
    const since = holdoutComparison(model, rows, { by: "timeSinceLastPurchase" });
    for (let d = 0; d <= 6; d++) {
      const bin = since.rows[d]!;
      expect(bin.bin).toBe(d);
      expect(Math.abs(bin.actual - SINCE_HOLDOUT[d]!)).toBeLessThanOrEqual(ATOL);
      expect(Math.abs(bin.expected - SINCE_PREDICTIONS[d]!)).toBeLessThanOrEqual(ATOL);
    }
    // The customers who bought on the calibration end day, the 23 with T = 0 among them.
    expect(since.rows[0]!.customerCount).toBe(rows.filter((r) => r.T === r.recency).length);
  });
  it("leaving the T = 0 customers out moves the x = 0 bin's actual mean outside lifetimes' tolerance", () => {
    const older = rows.filter((r) => r.T > 0);
    const zero = holdoutComparison(fitBgNbd(older), older).rows[0]!;
    expect(zero.customerCount).toBe(table.rows[0]!.customerCount - 23);
    expect(Math.abs(zero.actual - HOLDOUT[0]!)).toBeGreaterThan(ATOL);
  });
});
