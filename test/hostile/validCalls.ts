/**
 * One or more valid calls of every function exported by `src/index.ts`, the seeds the hostile
 * sweeps (test/edges/errors.test.ts, test/slow/hostile.test.ts) mutate. Each entry builds fresh
 * arguments on every call, so a mutation never leaks into the next case. The figures come from the
 * exports' own `@example`s (the fitted models are the published CDNOW / Fader–Hardie fits).
 */
import {
  CDNOW_BG_NBD,
  CDNOW_GAMMA_GAMMA,
  CDNOW_PARETO_NBD,
  DONATIONS_BG_BB,
} from "../fixtures/models.js";

const bg = CDNOW_BG_NBD;
const mbg = { ...bg, kind: "mbg-nbd" };
const pareto = CDNOW_PARETO_NBD;
const gg = CDNOW_GAMMA_GAMMA;
const bgbb = DONATIONS_BG_BB;
const sbg = {
  kind: "sbg",
  params: { alpha: 0.7040772796023907, beta: 1.182042983460019 },
  logLikelihood: -1680.27,
  standardErrors: { alpha: 0.0656, beta: 0.1525 },
  iterations: 10,
  converged: true,
  customerCount: 1000,
  unit: "year",
};

/** A deep copy of the plain data above (models are mutated by the sweep). */
function copy<T>(value: T): T {
  return structuredClone(value);
}

const history = () => [
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 0, recency: 0, T: 38.86 },
];
const spendHistory = () => [
  { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" },
  { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
];
const transactions = () => [
  { customerId: "ann", date: "2024-01-01", amount: "10.00" },
  { customerId: "ann", date: "2024-01-15", amount: "20.00" },
  { customerId: "__proto__", date: "2024-01-20", amount: 7.5 },
];
const bgbbRows = () => [
  { frequency: 0, recency: 0, periods: 6, count: 3464 },
  { frequency: 1, recency: 1, periods: 6, count: 1091 },
  { frequency: 2, recency: 4, periods: 6, count: 155 },
  { frequency: 3, recency: 6, periods: 6, count: 357 },
  { frequency: 6, recency: 6, periods: 6, count: 1203 },
];
const fitRows = () => [
  { frequency: 0, recency: 0, T: 39, count: 50 },
  { frequency: 1, recency: 2, T: 39, count: 15 },
  { frequency: 1, recency: 30, T: 39, count: 10 },
  { frequency: 3, recency: 6, T: 39, count: 8 },
  { frequency: 4, recency: 36, T: 39, count: 8 },
  { frequency: 8, recency: 38, T: 39, count: 4 },
  { frequency: 6, recency: 10, T: 39, count: 5 },
];
const recoveryCandidates = () => [
  { customerId: "A", value: 5000, cause: "own", cost: 200, winBackProbability: 0.4 },
  { customerId: "B", value: 800, cause: "third-party", cost: 50, winBackProbability: 0.3 },
  { customerId: "C", value: 40, cause: "unknown", cost: 20, winBackProbability: 0.2 },
];
const rfmRows = () => [
  { customerId: "ann", recencyScore: 5, frequencyScore: 5, monetaryScore: 4 },
  { customerId: "bob", recencyScore: 1, frequencyScore: 1, monetaryScore: 2 },
  { customerId: "cy", recencyScore: 3, frequencyScore: 5, monetaryScore: 1 },
];
const lifecycleHistory = () => [
  { date: "2024-01-05", amount: 20 },
  { date: "2024-02-05", amount: 20 },
  { date: "2024-03-05", amount: 20 },
  { date: "2024-04-05", amount: 20 },
];
const servqualRows = () =>
  Array.from({ length: 22 }, (_, i) => ({
    item: i + 1,
    expectation: 7,
    perception: i < 4 ? 6 : 5,
  }));

/**
 * A seed call: `args()` builds fresh valid arguments; `plan` (for recoveryPlanSummary) is built by
 * calling the library, so it is a real plan.
 */
export type SeedCall = (api: Record<string, unknown>) => unknown[];

/** Valid seed calls by export name (several per export where options change the code path). */
export const VALID_CALLS: Record<string, readonly SeedCall[]> = {
  indexByCustomerId: [() => [[{ customerId: "ann" }, { customerId: "__proto__" }]]],
  toPlainData: [
    (api) => [
      (api.retentionLifetimeValue as (p: unknown) => unknown)({
        margin: 100,
        retentionRate: 0.8,
        discountRate: 0.1,
      }),
    ],
  ],
  assignSegments: [
    () => [rfmRows()],
    () => [
      rfmRows(),
      {
        rules: [
          { name: "Top", recencyScore: [4, 5], frequencyScore: [4, 5], monetaryScore: [1, 5] },
          { name: "Codes", codes: ["111", "344"] },
        ],
        otherName: "Rest",
      },
    ],
  ],
  calibrationFrequencyFit: [
    () => [copy(bgbb), [{ frequency: 0, recency: 0, periods: 6, count: 11104 }], { maxBin: 6 }],
    () => [copy(bg), fitRows(), { maxBin: 7 }],
  ],
  churnRate: [
    () => [
      [
        { acquiredAt: "2024-01-10" },
        { acquiredAt: "2024-02-01", churnedAt: "2024-05-20" },
        { acquiredAt: "2024-03-01" },
        { acquiredAt: "2024-05-02" },
      ],
      { periodStart: "2024-04-01", periodEnd: "2024-06-30" },
    ],
    () => [
      [
        { acquiredAt: "2024-10-01T08:00" },
        { acquiredAt: "2024-10-02", churnedAt: "2024-11-03T01:30" },
      ],
      { periodStart: "2024-10-15", periodEnd: "2024-11-03T01:30", timeZone: "America/New_York" },
    ],
  ],
  churnRisk: [
    () => [
      { purchase: copy(bg), spend: copy(gg) },
      spendHistory(),
      { horizon: 52, discountRate: 0.0027, unit: "week", noPurchaseWindow: 4 },
    ],
    () => [
      { purchase: copy(pareto), spend: copy(gg) },
      spendHistory(),
      { horizon: "infinite", discountRate: 0.0027 },
    ],
  ],
  compareModels: [() => [[copy(bg), copy(pareto)]]],
  compareNetPromoterScores: [
    () => [
      [10, 10, 9, 9, 8, 7, 6, 3, 10, 9],
      [10, 8, 7, 6, 5, 3, 9, 7, 2, 8],
    ],
  ],
  compareOffers: [
    () => [
      [
        { name: "competitor", productValue: 90000, monetaryCost: 90000 },
        { name: "Caterpillar", productValue: 103000, serviceValue: 7000, monetaryCost: 100000 },
      ],
    ],
    () => [
      [
        { name: "big", productValue: 300, monetaryCost: 200 },
        { name: "small", productValue: "80", monetaryCost: 40 },
      ],
      { by: "ratio" },
    ],
  ],
  conditionalExpectedPurchases: [
    () => [copy(bg), [{ frequency: 2, recency: 30.43, T: 38.86 }], { horizon: 39 }],
    () => [copy(pareto), history(), { horizon: 39 }],
    () => [copy(mbg), history(), { horizon: 10, unit: "day" }],
    () => [copy(bgbb), [{ frequency: 2, recency: 4, periods: 6 }], { horizon: 5 }],
  ],
  conditionalExpectedSpend: [
    () => [copy(gg), [{ frequency: 2, monetaryValue: "22.35" }]],
    () => [copy(gg), [{ frequency: 0, monetaryValue: 0 }]],
  ],
  conditionalPurchaseCountProbability: [
    () => [
      copy(pareto),
      [{ frequency: 2, recency: 30.43, T: 38.86 }],
      { purchases: 0, horizon: 39 },
    ],
    () => [copy(bg), history(), { purchases: 1, horizon: 39 }],
    () => [copy(mbg), history(), { purchases: 2, horizon: 10, unit: "day" }],
    () => [copy(bgbb), [{ frequency: 2, recency: 4, periods: 6 }], { purchases: 1, horizon: 5 }],
  ],
  cumulativePurchaseTracking: [() => [copy(bgbb), [11104], { periods: 11, actual: [5652, 4674] }]],
  customerBaseValue: [
    () => [
      {
        customerCount: 10000,
        margin: 100,
        retentionRate: 0.8,
        discountRate: 0.1,
        acquisitionCost: 150,
        levers: { retention: 0.05, acquisition: 500, crossSell: 5, upSell: 5, costToServe: 2 },
      },
    ],
  ],
  customerEffortScore: [
    () => [[7, 6, 5, 5, 4, 2, 6, 7], { version: "2.0" }],
    () => [[7, 6, 5, 5, 4, 2, 6, 7], { version: "2.0", method: "net" }],
  ],
  customerEquity: [
    () => [
      {
        segments: [
          {
            name: "smb",
            customerCount: 1000,
            prospectCount: 10000,
            margin: 100,
            retentionRate: 0.6,
            retentionCost: 20,
            acquisitionRate: 0.3,
            acquisitionCost: 50,
          },
        ],
      },
      { discountRate: 0.1 },
    ],
    () => [
      {
        cohorts: [
          {
            name: "next",
            periodsUntilAcquisition: 1,
            customerCount: 100,
            margin: "100",
            retentionRate: 0.8,
            acquisitionCost: 60,
          },
        ],
      },
      { discountRate: 0.1, horizon: 12 },
    ],
  ],
  customerLifetimeValue: [
    () => [
      { purchase: copy(bg), spend: copy(gg) },
      spendHistory(),
      { unit: "week", horizon: "infinite", discountRate: 1.15 ** (1 / 52) - 1 },
    ],
    () => [
      { purchase: copy(pareto), spend: copy(gg) },
      spendHistory(),
      { horizon: 12, discountRate: 0.01, unit: "month", unitConversion: "calendar-average" },
    ],
  ],
  customerLogLikelihood: [
    () => [copy(bg), history()],
    () => [copy(pareto), history()],
    () => [copy(mbg), history()],
    () => [copy(bgbb), [{ frequency: 2, recency: 4, periods: 6, count: 3 }]],
    () => [copy(gg), [{ frequency: 2, monetaryValue: "22.35" }]],
    () => [copy(sbg), [{ periodsObserved: 3, churned: true }]],
  ],
  customerSatisfactionScore: [
    () => [[5, 4, 4, 3, 5, 2, 4, 5, 1, 4], { scale: { min: 1, max: 5 } }],
    () => [[5, 4, 4, 3, 5], { scale: { min: 1, max: 5 }, method: "mean" }],
  ],
  customerValueMatrix: [
    () => [
      [
        { customerId: "A", purchases: 10, averageSpend: 50 },
        { customerId: "B", purchases: 2, averageSpend: "200" },
        { customerId: "C", purchases: 8, averageSpend: 20 },
      ],
    ],
  ],
  deliveredValue: [
    () => [
      {
        productValue: [
          { name: "base", value: 90000 },
          { name: "durability", value: 7000 },
        ],
        serviceValue: [{ name: "service", value: 5000 }],
        monetaryCost: 100000,
      },
    ],
    () => [{ productValue: "100", monetaryCost: 50 }],
  ],
  discountedCashFlowValue: [
    () => [
      [
        { margin: "-50", survival: 1 },
        { margin: "100", survival: 0.8 },
        { margin: 120, survival: 0.6 },
      ],
      { discountRate: 0.1 },
    ],
  ],
  discountedExpectedResidualPurchases: [
    () => [
      copy(bg),
      [{ frequency: 2, recency: 30.43, T: 38.86 }],
      { continuousDiscountRate: Math.log(1.15) / 52 },
    ],
    () => [copy(pareto), history(), { discountRate: 0.01 }],
    () => [copy(bgbb), [{ frequency: 2, recency: 4, periods: 6 }], { discountRate: 0.1 }],
  ],
  expectedPurchases: [
    () => [copy(bg), { horizon: 52 }],
    () => [copy(pareto), { horizon: 1, unit: "year", unitConversion: "calendar-average" }],
    () => [copy(bgbb), { horizon: 5 }],
  ],
  expectedPurchasesMatrix: [
    () => [copy(bgbb), { maxFrequency: 6, maxT: 6, horizon: 5 }],
    () => [copy(bg), { maxFrequency: 3, maxT: 40, horizon: 28, unit: "day" }],
  ],
  expectedRemainingLifetime: [() => [copy(sbg), { renewals: 7, discountRate: 0.1 }]],
  heterogeneityDensities: [
    () => [copy(bg), { points: 5 }],
    () => [copy(pareto), { lowerQuantile: 0.01, upperQuantile: 0.99 }],
    () => [copy(bgbb)],
  ],
  fitBgBb: [() => [bgbbRows(), { unit: "year" }]],
  fitBgNbd: [() => [fitRows(), { unit: "week" }]],
  fitGammaGamma: [
    () => [
      [
        { frequency: 1, monetaryValue: "12.50", count: 30 },
        { frequency: 1, monetaryValue: "40.00", count: 20 },
        { frequency: 2, monetaryValue: "22.35", count: 15 },
        { frequency: 3, monetaryValue: 31, count: 10 },
        { frequency: 5, monetaryValue: "18.20", count: 5 },
        { frequency: 4, monetaryValue: "95.00", count: 3 },
      ],
    ],
  ],
  fitMbgNbd: [() => [fitRows(), { unit: "week" }]],
  fitParetoNbd: [
    () => [
      [
        { frequency: 2, recency: 30.43, T: 38.86 },
        { frequency: 1, recency: 1.71, T: 38.86 },
        { frequency: 0, recency: 0, T: 38.86, count: 3 },
        { frequency: 5, recency: 20, T: 30 },
        { frequency: 3, recency: 10, T: 35 },
        { frequency: 7, recency: 34, T: 36 },
      ],
      { unit: "week" },
    ],
  ],
  fitSbg: [
    () => [[1000, 869, 743, 653, 593, 551, 517, 491], { unit: "year" }],
    () => [
      [
        { periodsObserved: 3, churned: true, count: 40 },
        { periodsObserved: 5, churned: false, count: 60, unit: "month" },
        { periodsObserved: 1, churned: true, count: 20, unit: "month" },
      ],
    ],
  ],
  holdoutComparison: [
    () => [
      copy(bgbb),
      [
        { frequency: 0, recency: 0, periods: 6, holdoutFrequency: 0, holdoutPeriods: 5, count: 3 },
        { frequency: 6, recency: 6, periods: 6, holdoutFrequency: 4, holdoutPeriods: 5 },
      ],
    ],
    () => [
      copy(bg),
      [
        { frequency: 2, recency: 30.43, T: 38.86, holdoutFrequency: 1, holdoutDuration: 39 },
        { frequency: 0, recency: 0, T: 38.86, holdoutFrequency: 0, holdoutDuration: 39 },
      ],
    ],
  ],
  kanoClassify: [
    () => [
      [
        { attribute: "grip", functional: "like", dysfunctional: "dislike" },
        { attribute: "grip", functional: "neutral", dysfunctional: "dislike" },
        { attribute: "__proto__", functional: "like", dysfunctional: "neutral" },
      ],
    ],
  ],
  lifecyclePattern: [
    () => [
      [
        { date: "2024-01-05", amount: 30 },
        { date: "2024-02-10", amount: "25" },
      ],
      { unit: "month" },
    ],
  ],
  lifecycleStage: [
    () => [lifecycleHistory(), { asOf: "2024-06-30", unit: "month" }],
    () => [
      lifecycleHistory(),
      { asOf: new Date("2024-09-30T00:00:00Z"), unit: "week", timeZone: "Europe/Berlin" },
    ],
    // A purchase after asOf is dropped.
    () => [lifecycleHistory(), { asOf: "2024-03-31", unit: "month" }],
  ],
  lifetimeValueSensitivity: [() => [{ margin: 100, retentionRate: 0.8, discountRate: 0.1 }]],
  loyaltyMatrix: [
    () => [
      [
        { customerId: "a", relativeAttitude: 6, repeatPatronage: 0.8 },
        { customerId: "b", relativeAttitude: 6, repeatPatronage: 0.1 },
        { customerId: "__proto__", relativeAttitude: 2, repeatPatronage: 0.9 },
      ],
      { attitudeThreshold: 4, patronageThreshold: 0.5 },
    ],
  ],
  loyaltyScore: [
    () => [
      [
        { customerId: "a", satisfaction: 5, repeatPurchase: 0.8 },
        { customerId: "__proto__", satisfaction: 3, repeatPurchase: 0.2 },
      ],
    ],
    () => [
      [{ customerId: "a", satisfaction: 4, repeatPurchase: 0.8 }],
      { competitiveness: 0, scale: { min: 1, max: 7 } },
    ],
  ],
  loyaltyType: [
    () => [
      [
        {
          customerId: "a",
          alternativesAvailable: true,
          repeatPurchase: 0.8,
          attitude: 0.3,
          rewardDependence: 0.9,
        },
        {
          customerId: "constructor",
          alternativesAvailable: false,
          repeatPurchase: 0.2,
          attitude: 0.1,
        },
      ],
    ],
    () => [
      [
        {
          customerId: "b",
          alternativesAvailable: true,
          repeatPurchase: 0.9,
          attitude: 0.9,
          advocacy: 1,
        },
      ],
      { threshold: 0.6 },
    ],
  ],
  netPromoterScore: [
    () => [[10, 9, 10, 4]],
    () => [[10, 9, 10, 4], { interval: "adjusted-wald" }],
    () => [[1, 10, 9], { scale: { min: 1, max: 10 } }],
  ],
  portfolioMatrix: [
    () => [
      [
        { customerId: "acme", potentialVolume: 90000, relationshipStrength: 0.7 },
        { customerId: "bolt", potentialVolume: 80000, relationshipStrength: 0.1 },
        { customerId: "corp", potentialVolume: 5000, relationshipStrength: 0.9 },
      ],
      { relationshipStrength: 0.5 },
    ],
  ],
  predictiveCheck: [
    () => [copy(bg), fitRows(), { seed: 1, replicates: 10 }],
    () => [
      copy(bgbb),
      [
        { frequency: 0, recency: 0, periods: 6, holdoutFrequency: 0, holdoutPeriods: 5, count: 3 },
        { frequency: 6, recency: 6, periods: 6, holdoutFrequency: 4, holdoutPeriods: 5 },
      ],
      { seed: 2, replicates: 10, level: 0.8, maxBin: 6 },
    ],
  ],
  prioritizeRecovery: [
    () => [recoveryCandidates(), { keyValue: 1000, smallValue: 100, budget: 300 }],
    () => [recoveryCandidates(), { keyValue: 1000, smallValue: 100 }],
    () => [
      [
        { customerId: "D", value: 900, cause: "own", cost: 40, daysSinceLastPurchase: 91 },
        { customerId: "E", value: "120.50", cause: "unknown", cost: 5, daysSinceLastPurchase: 0 },
      ],
      { halfLifeDays: 90 },
    ],
    () => [
      [
        {
          customerId: "F",
          value: "310.25",
          probabilityAlive: 0.2,
          cause: "own",
          cost: 4,
          daysSinceLastPurchase: 120,
        },
        {
          customerId: "G",
          value: 40,
          probabilityAlive: 0.9,
          cause: "unknown",
          cost: 4,
          daysSinceLastPurchase: 7,
        },
      ],
      { budget: 50, aliveThreshold: 0.5, halfLifeDays: 182 },
    ],
  ],
  probabilityAlive: [
    () => [copy(bg), [{ frequency: 2, recency: 30.43, T: 38.86 }]],
    () => [copy(pareto), history()],
    () => [copy(mbg), history(), { horizon: 52 }],
    () => [
      copy(pareto),
      history(),
      { horizon: 12, unit: "month", unitConversion: "calendar-average" },
    ],
    () => [copy(bgbb), [{ frequency: 2, recency: 4, periods: 6 }], { horizon: 1 }],
  ],
  probabilityAliveMatrix: [
    () => [copy(bgbb), { maxFrequency: 6, maxT: 6, horizon: 1 }],
    () => [
      copy(bg),
      { maxFrequency: 3, maxT: 9, unit: "month", unitConversion: "calendar-average" },
    ],
  ],
  posteriorMeanRates: [
    () => [copy(bg), [{ customerId: "ann", frequency: 2, recency: 30.43, T: 38.86 }]],
    () => [copy(pareto), history()],
    () => [copy(bgbb), [{ frequency: 2, recency: 4, periods: 6 }]],
  ],
  probabilityAlivePath: [
    () => [
      copy(bg),
      [{ date: "1997-01-06" }, { date: "1997-01-20" }],
      { observationEnd: "1997-03-02" },
    ],
    () => [
      copy(pareto),
      [
        { customerId: "ann", date: "1997-01-06" },
        { customerId: "ann", date: "1997-02-20" },
      ],
      { observationEnd: "1997-03-02", bucketing: "elapsed", timeZone: "Europe/Paris" },
    ],
  ],
  purchaseCountProbability: [
    () => [copy(bg), { purchases: 0, horizon: 39 }],
    () => [copy(pareto), { purchases: 2, horizon: 39 }],
    () => [copy(bgbb), { purchases: 1, horizon: 5 }],
    () => [copy(mbg), { purchases: 1, from: 39, horizon: 39 }],
    () => [copy(bgbb), { purchases: 1, from: 6, horizon: 5 }],
  ],
  raterIndex: [
    () => [{ tangibles: 6, reliability: 5, responsiveness: 5.5, assurance: 6, empathy: 4 }],
    () => [
      {
        tangibles: -0.65,
        reliability: -1.1,
        responsiveness: -0.83,
        assurance: -0.7,
        empathy: -1.01,
      },
      { scale: { min: -6, max: 6 } },
    ],
  ],
  recencyChurnRisk: [
    () => [
      [
        { customerId: "ann", frequency: 4, recency: 40, T: 45, unit: "week" },
        { customerId: "bob", frequency: 2, recency: 10, T: 40, unit: "week" },
      ],
    ],
    () => [
      [
        { frequency: 4, recency: 40, T: 45 },
        { frequency: 0, recency: 0, T: 40 },
      ],
      { lapsedAfter: 4 },
    ],
  ],
  recoveryPlanSummary: [
    (api) => {
      const prioritize = api.prioritizeRecovery as (c: unknown, o: unknown) => unknown;
      return [prioritize(recoveryCandidates(), { keyValue: 1000, smallValue: 100 })];
    },
  ],
  retentionCurve: [() => [copy(sbg), { periods: 12 }]],
  retentionElasticity: [() => [copy(sbg), { renewals: 0, discountRate: 0.1 }]],
  retentionLifetimeValue: [
    () => [{ margin: 100, retentionRate: 0.8, discountRate: 0.1 }],
    () => [
      {
        margin: "100",
        retentionRate: 0.8,
        discountRate: 0.1,
        timing: "first-payment-now",
        horizon: 5,
      },
    ],
    () => [{ margin: 100, retentionRate: 0.8, discountRate: 0.1, growthRate: 0.05 }],
  ],
  rfmScores: [
    () => [
      [1, 1, 1, 2, 2, 3, 5].map((f, i) => ({
        customerId: `c${i}`,
        daysSinceLastPurchase: i,
        purchases: f,
        totalSpend: 10 * f,
      })),
      { bins: 5 },
    ],
  ],
  rfmTable: [
    () => [transactions(), { asOf: "2024-03-31" }],
    () => [transactions(), { asOf: "2024-01-10", timeZone: "Europe/Berlin" }],
  ],
  satisfactionIndex: [
    () => [
      [
        { name: "satisfaction", answers: [8, 9, 7] },
        { name: "expectations", answers: [7, 7, 7] },
        { name: "ideal", answers: [6, 8, 7] },
      ],
      { weights: [1, 1, 1] },
    ],
  ],
  satisfactionIndicators: [
    () => [
      {
        customerCount: 1000,
        repurchasingCustomers: 620,
        complainingCustomers: 45,
        priceChange: { relativeChange: 0.05, customersExposed: 1000, customersLost: 30 },
        transactions: 4,
        revenue: "100.10",
      },
    ],
  ],
  satisfactionLoyaltySegment: [
    () => [
      [
        { customerId: "a", satisfaction: 5, loyalty: 5 },
        { customerId: "b", satisfaction: 4, loyalty: 2 },
        { customerId: "constructor", satisfaction: 1, loyalty: 1 },
      ],
    ],
  ],
  segmentMigration: [
    () => [
      [
        { customerId: "a", segment: "Champions" },
        { customerId: "b", segment: "Champions" },
        { customerId: "c", segment: "Lost" },
      ],
      [
        { customerId: "a", segment: "Champions" },
        { customerId: "b", segment: "At Risk" },
        { customerId: "__proto__", segment: "New Customers" },
      ],
    ],
  ],
  segmentSummary: [
    () => [
      [
        { customerId: "a", segment: "Champions" },
        { customerId: "b", segment: "Lost" },
      ],
      [
        { customerId: "a", daysSinceLastPurchase: 3, purchases: 6, totalSpend: "300.10" },
        { customerId: "b", daysSinceLastPurchase: 400, purchases: 1, totalSpend: 20 },
      ],
    ],
  ],
  servqual: [
    () => [servqualRows()],
    () => [
      servqualRows(),
      {
        weights: { tangibles: 11, reliability: 32, responsiveness: 22, assurance: 19, empathy: 16 },
      },
    ],
  ],
  simulateDiscreteHistories: [
    () => [copy(bgbb), [{ periods: 6, customerId: "ann" }, { periods: 0 }], { seed: 1 }],
    () => [copy(bgbb), [{ periods: 3 }], { seed: 2, holdoutPeriods: 4 }],
  ],
  simulatePurchaseHistories: [
    () => [copy(bg), [{ T: 39, customerId: "ann" }, { T: 0 }], { seed: 1 }],
    () => [copy(pareto), history(), { seed: 2, holdoutDuration: 39 }],
    () => [{ purchase: copy(mbg), spend: copy(gg) }, history(), { seed: 3 }],
  ],
  simulateSubscriptions: [
    () => [copy(sbg), [{ periods: 7, customerId: "ann" }, { periods: 0 }], { seed: 1 }],
  ],
  splitCalibrationHoldout: [
    () => [
      [...transactions(), { customerId: "ann", date: "2024-02-05", amount: 30 }],
      { calibrationEnd: "2024-01-31", observationEnd: "2024-02-29", unit: "day" },
    ],
  ],
  subscriptionLifetimeValue: [
    () => [copy(sbg), { pricePerPeriod: "100", discountRate: 0.1 }],
    () => [copy(sbg), { pricePerPeriod: 100, discountRate: 0.1, renewals: 4 }],
  ],
  summarizeTransactions: [
    () => [transactions(), { observationEnd: "2024-01-31", unit: "week", bucketing: "elapsed" }],
    () => [
      transactions(),
      { observationEnd: "2024-01-31T12:00", unit: "day", timeZone: "America/New_York" },
    ],
  ],
  survivalCurve: [() => [copy(sbg), { periods: 12 }]],
  targetCustomerGrid: [
    () => [
      [
        { customerId: "a", totalCost: 100, demand: 9000 },
        { customerId: "b", totalCost: 900, demand: 500 },
        { customerId: "c", totalCost: 400, demand: 4000 },
      ],
      { totalCost: [300, 600], demand: [1000, 5000] },
    ],
  ],
  valueMatrix: [
    () => [
      [
        { customerId: "a", current: 100, potential: 900 },
        { customerId: "b", current: 500, potential: 50 },
        { customerId: "c", current: 300, potential: 300 },
      ],
    ],
  ],
};
