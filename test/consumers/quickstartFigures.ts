/**
 * The pure part of examples/quickstart.ts — fit the BG/NBD and Gamma-Gamma models, P(alive), CLV,
 * RFM segments and NPS on the CDNOW sample — as one function of the sample's text, returning plain
 * JSON. scripts/test-browser.mjs bundles it for a browser (resolving this import to the packed
 * `customer-value`, as an app's bundler would) and runs it in headless Chromium, and runs the same
 * function in Node on the package's Node entry; the two must agree (see `exact` and `estimated`).
 */
import {
  assignSegments,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  netPromoterScore,
  probabilityAlive,
  retentionLifetimeValue,
  rfmScores,
  rfmTable,
  segmentSummary,
  splitCalibrationHoldout,
  summarizeTransactions,
  type Transaction,
} from "../../src/index.js";

/** Parses CDNOW_sample.txt (id, id, yyyymmdd, quantity, amount per line) into transactions. */
export function parseCdnow(text: string): Transaction[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [, id, date, , amount] = line.trim().split(/\s+/);
      return {
        customerId: String(Number(id)),
        date: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
        amount: amount!,
      };
    });
}

/** The quickstart's figures (floats as JavaScript prints them, amounts as decimal strings). */
export function quickstartFigures(text: string): Record<string, unknown> {
  const transactions = parseCdnow(text);
  const summaries = summarizeTransactions(transactions, {
    observationEnd: "1998-06-30",
    unit: "week",
  });
  const customers = splitCalibrationHoldout(transactions, {
    calibrationEnd: "1997-09-30",
    observationEnd: "1998-06-30",
    unit: "week",
    bucketing: "elapsed",
  });
  const purchaseModel = fitBgNbd(customers);
  const spendModel = fitGammaGamma(customers);
  const alive = probabilityAlive(purchaseModel, customers);
  const clv = customerLifetimeValue({ purchase: purchaseModel, spend: spendModel }, customers, {
    horizon: 52,
    discountRate: 1.15 ** (1 / 52) - 1,
    unit: "week",
    profitMargin: 0.3,
  });
  const rfm = rfmTable(transactions, { asOf: "1998-07-01" });
  const segments = segmentSummary(assignSegments(rfmScores(rfm).scores), rfm);
  const nps = netPromoterScore([10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 5]);
  return {
    // Exact: decimal sums, counts, and float arithmetic with only + − × ÷ √ (IEEE-754 correctly
    // rounded, so every engine gives the same bits).
    exact: {
      customers: summaries.length,
      totalSpend: summaries
        .map((row) => row.totalSpend)
        .reduce((a, b) => a.plus(b))
        .toString(),
      segments: segments.map((row) => [row.segment, row.customerCount, row.totalSpend.toString()]),
      nps: [
        nps.score,
        nps.standardError,
        nps.confidenceInterval.lower,
        nps.confidenceInterval.upper,
      ],
      retention: retentionLifetimeValue({
        margin: 100,
        retentionRate: 0.8,
        discountRate: 0.1,
      }).value.toString(),
    },
    // Estimated: fitted by the optimizer through Math.exp/log/pow, whose last bit differs between
    // JavaScript engines (ECMA-262 leaves their accuracy to the implementation).
    estimated: {
      bgNbd: purchaseModel.params,
      bgNbdLogLikelihood: purchaseModel.logLikelihood,
      gammaGamma: spendModel.params,
      aliveFirst: Array.from(alive.subarray(0, 5)),
      aliveSum: alive.reduce((a, b) => a + b, 0),
      clvFirst: clv.slice(0, 5).map((value) => value.toString()),
      clvSum: clv.reduce((a, b) => a.plus(b)).toString(),
    },
  };
}
