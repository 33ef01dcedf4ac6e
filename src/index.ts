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

// ── value: retention CLV, customer equity, delivered value ──────────────────────────────────

// ── models: BG/NBD, Pareto/NBD, MBG/NBD, Gamma-Gamma, predictions, CLV ──────────────────────
export { fitBgNbd } from "./models/bgNbd/fitBgNbd.js";
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
export { probabilityAlive } from "./models/predictions/probabilityAlive.js";
export { purchaseCountProbability } from "./models/predictions/purchaseCountProbability.js";
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

// ── models: BG/BB, shifted-beta-geometric, diagnostics, model comparison ────────────────────

// ── segmentation: RFM, segments, value matrices ─────────────────────────────────────────────

// ── satisfaction: SERVQUAL/RATER, NPS, CSAT, CES, index, Kano, loyalty ──────────────────────

// ── churn: risk, lifecycle, recovery ────────────────────────────────────────────────────────
export type {
  ChurnRateGroup,
  ChurnRateOptions,
  ChurnRateResult,
  CustomerTenure,
} from "./churn/churnRate.js";
export { churnRate } from "./churn/churnRate.js";
export type { ChurnRisk, ChurnRiskOptions } from "./churn/churnRisk.js";
export { churnRisk } from "./churn/churnRisk.js";
export type {
  LifecyclePatternName,
  LifecyclePatternOptions,
  LifecyclePatternResult,
} from "./churn/lifecyclePattern.js";
export { lifecyclePattern } from "./churn/lifecyclePattern.js";
export type {
  LifecyclePurchase,
  LifecycleRuleOptions,
  LifecycleStage,
  LifecycleStageOptions,
  LifecycleStageResult,
} from "./churn/lifecycleStage.js";
export { lifecycleStage } from "./churn/lifecycleStage.js";
export type {
  BudgetSelection,
  ChurnCause,
  PrioritizeRecoveryOptions,
  RecoveryAction,
  RecoveryCandidate,
  RecoveryPlan,
  RecoveryPlanEntry,
  RecoveryTier,
} from "./churn/prioritizeRecovery.js";
export { prioritizeRecovery } from "./churn/prioritizeRecovery.js";
export type {
  RecencyChurnRisk,
  RecencyChurnRiskOptions,
  RecencyRiskLevel,
} from "./churn/recencyChurnRisk.js";
export { recencyChurnRisk } from "./churn/recencyChurnRisk.js";
export type { RecoveryGroupTotals, RecoveryPlanSummary } from "./churn/recoveryPlanSummary.js";
export { recoveryPlanSummary } from "./churn/recoveryPlanSummary.js";
