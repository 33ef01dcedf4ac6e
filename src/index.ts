/**
 * customer-value: customer analytics for TypeScript. Lifetime value (retention formulas and the
 * buy-till-you-die models), delivered value, RFM segmentation, satisfaction to loyalty and churn
 * recovery, as pure typed functions. Money is exact (`Decimal`), time units are explicit, and no
 * `NaN` ever leaves the library.
 *
 * Every export is listed here, grouped by domain.
 * @packageDocumentation
 */

export type { InputIssue } from "./core/errors.js";
// ── core: money, time, errors ───────────────────────────────────────────────────────────────
export { InvalidInputError, ModelFitError } from "./core/errors.js";
export type { Decimal, MoneyInput } from "./core/money.js";
export type { DateInput, TimeUnit } from "./core/time.js";

// ── transactions: transaction log → per-customer summaries ──────────────────────────────────
export type {
  CalibrationHoldoutSummary,
  SplitCalibrationHoldoutOptions,
} from "./transactions/splitCalibrationHoldout.js";
export { splitCalibrationHoldout } from "./transactions/splitCalibrationHoldout.js";
export type {
  CustomerSummary,
  SummarizeTransactionsOptions,
  Transaction,
} from "./transactions/summarizeTransactions.js";
export { summarizeTransactions } from "./transactions/summarizeTransactions.js";

// ── value: retention CLV, customer equity, delivered value ──────────────────────────────────

export type {
  BetaGeometricBetaBinomialModel,
  BetaGeometricBetaBinomialParams,
  DiscretePurchaseHistory,
  DiscretePurchaseHistoryRow,
} from "./models/betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
export { fitBetaGeometricBetaBinomial } from "./models/betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
// ── models: BG/NBD, Pareto/NBD, MBG/NBD, Gamma-Gamma, predictions, CLV ──────────────────────
export { fitBgNbd } from "./models/bgNbd/fitBgNbd.js";
export type {
  ComparableModel,
  CompareModelsOptions,
  LikelihoodRatioTest,
  ModelComparison,
  ModelComparisonRow,
} from "./models/compareModels.js";
export { compareModels } from "./models/compareModels.js";
export type {
  CalibrationFrequencyFit,
  CalibrationFrequencyFitOptions,
  FrequencyHistogramRow,
} from "./models/diagnostics/calibrationFrequencyFit.js";
export { calibrationFrequencyFit } from "./models/diagnostics/calibrationFrequencyFit.js";
export type {
  CumulativePurchaseTrackingOptions,
  PurchaseTrackingRow,
} from "./models/diagnostics/cumulativePurchaseTracking.js";
export { cumulativePurchaseTracking } from "./models/diagnostics/cumulativePurchaseTracking.js";
export type { DiagnosableModel } from "./models/diagnostics/diagnosticModels.js";
export type {
  ExpectedPurchasesCell,
  ExpectedPurchasesMatrixOptions,
} from "./models/diagnostics/expectedPurchasesMatrix.js";
export { expectedPurchasesMatrix } from "./models/diagnostics/expectedPurchasesMatrix.js";
export type {
  DiscreteHoldoutRow,
  HoldoutComparison,
  HoldoutComparisonOptions,
  HoldoutComparisonRow,
  PurchaseHoldoutRow,
} from "./models/diagnostics/holdoutComparison.js";
export { holdoutComparison } from "./models/diagnostics/holdoutComparison.js";
export type {
  ProbabilityAliveCell,
  ProbabilityAliveMatrixOptions,
} from "./models/diagnostics/probabilityAliveMatrix.js";
export { probabilityAliveMatrix } from "./models/diagnostics/probabilityAliveMatrix.js";
export type { FitOptions } from "./models/fit.js";
export { fitGammaGamma } from "./models/gammaGamma/fitGammaGamma.js";
export { fitModifiedBgNbd } from "./models/modifiedBgNbd/fitModifiedBgNbd.js";
export { fitParetoNbd } from "./models/paretoNbd/fitParetoNbd.js";
export { conditionalExpectedPurchases } from "./models/predictions/conditionalExpectedPurchases.js";
export { conditionalExpectedSpend } from "./models/predictions/conditionalExpectedSpend.js";
export type {
  CustomerHistory,
  CustomerLifetimeValueInput,
} from "./models/predictions/customerLifetimeValue.js";
export { customerLifetimeValue } from "./models/predictions/customerLifetimeValue.js";
export type { DiscountOptions } from "./models/predictions/discountedExpectedResidualPurchases.js";
export { discountedExpectedResidualPurchases } from "./models/predictions/discountedExpectedResidualPurchases.js";
export { expectedPurchases } from "./models/predictions/expectedPurchases.js";
// ── models: BG/BB, shifted-beta-geometric, diagnostics, model comparison ────────────────────
export type { DiscreteAliveOptions } from "./models/predictions/probabilityAlive.js";
export { probabilityAlive } from "./models/predictions/probabilityAlive.js";
export { purchaseCountProbability } from "./models/predictions/purchaseCountProbability.js";
export type {
  ShiftedBetaGeometricInput,
  ShiftedBetaGeometricModel,
  ShiftedBetaGeometricParams,
  SubscriptionHistoryRow,
} from "./models/shiftedBetaGeometric/fitShiftedBetaGeometric.js";
export { fitShiftedBetaGeometric } from "./models/shiftedBetaGeometric/fitShiftedBetaGeometric.js";
export type {
  ExpectedRemainingLifetimeOptions,
  SubscriptionLifetimeValueInput,
} from "./models/shiftedBetaGeometric/subscriptionPredictions.js";
export {
  expectedRemainingLifetime,
  retentionRate,
  subscriptionLifetimeValue,
  survivalCurve,
} from "./models/shiftedBetaGeometric/subscriptionPredictions.js";
export type {
  BgNbdModel,
  BgNbdParams,
  FittedModel,
  GammaGammaModel,
  GammaGammaParams,
  ModifiedBgNbdModel,
  ParetoNbdModel,
  ParetoNbdParams,
  PurchaseHistory,
  PurchaseHistoryRow,
  PurchaseModel,
  SpendHistory,
  SpendHistoryRow,
} from "./models/types.js";

// ── segmentation: RFM, segments, value matrices ─────────────────────────────────────────────

// ── satisfaction: SERVQUAL/RATER, NPS, CSAT, CES, index, Kano, loyalty ──────────────────────

// ── churn: risk, lifecycle, recovery ────────────────────────────────────────────────────────
