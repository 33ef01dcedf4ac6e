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
export type {
  CompareOffersOptions,
  CompareOffersResult,
  Offer,
  RankedOffer,
} from "./value/compareOffers.js";
export { compareOffers } from "./value/compareOffers.js";
export type {
  CustomerBaseContributions,
  CustomerBaseLevers,
  CustomerBaseValueInput,
  CustomerBaseValueResult,
} from "./value/customerBaseValue.js";
export { customerBaseValue } from "./value/customerBaseValue.js";
export type {
  CohortEquity,
  CustomerEquityInput,
  CustomerEquityResult,
  EquityCohort,
  EquitySegment,
  SegmentEquity,
} from "./value/customerEquity.js";
export { customerEquity } from "./value/customerEquity.js";
export type {
  DeliveredValueComponents,
  DeliveredValueInput,
  DeliveredValueResult,
  ValueComponent,
  WeightedScore,
} from "./value/deliveredValue.js";
export { deliveredValue } from "./value/deliveredValue.js";
export type {
  DiscountedCashFlowOptions,
  DiscountedCashFlowResult,
} from "./value/discountedCashFlowValue.js";
export { discountedCashFlowValue } from "./value/discountedCashFlowValue.js";
export type {
  LifetimeValueDriver,
  LifetimeValueLever,
  LifetimeValueSensitivityResult,
} from "./value/lifetimeValueSensitivity.js";
export { lifetimeValueSensitivity } from "./value/lifetimeValueSensitivity.js";
export type {
  LifetimeValueTiming,
  RetentionLifetimeValueInput,
  RetentionLifetimeValueResult,
  ValuePeriod,
} from "./value/retentionLifetimeValue.js";
export { retentionLifetimeValue } from "./value/retentionLifetimeValue.js";

// ── models: BG/NBD, Pareto/NBD, MBG/NBD, Gamma-Gamma, predictions, CLV ──────────────────────

// ── models: BG/BB, shifted-beta-geometric, diagnostics, model comparison ────────────────────

// ── segmentation: RFM, segments, value matrices ─────────────────────────────────────────────

// ── satisfaction: SERVQUAL/RATER, NPS, CSAT, CES, index, Kano, loyalty ──────────────────────

// ── churn: risk, lifecycle, recovery ────────────────────────────────────────────────────────
