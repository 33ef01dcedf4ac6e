/**
 * customer-value: customer analytics for TypeScript. Lifetime value (retention formulas and the
 * buy-till-you-die models), delivered value, RFM segmentation, satisfaction to loyalty and churn
 * recovery, as pure typed functions. Money is exact (`Decimal`), time units are explicit, and no
 * `NaN` ever leaves the library.
 *
 * Every export is listed here, grouped by domain.
 * @module customer-value
 */

// ── churn: risk, lifecycle, recovery ────────────────────────────────────────────────────────
export type {
  ChurnRateCohort,
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
  RecencyChurnRiskRow,
  RecencyRiskLevel,
} from "./churn/recencyChurnRisk.js";
export { recencyChurnRisk } from "./churn/recencyChurnRisk.js";
export type { RecoveryGroupTotals, RecoveryPlanSummary } from "./churn/recoveryPlanSummary.js";
export { recoveryPlanSummary } from "./churn/recoveryPlanSummary.js";

// ── core: money, time, errors ───────────────────────────────────────────────────────────────
export type { InputIssue, IssueCode } from "./core/errors.js";
export { InvalidInputError, ModelFitError } from "./core/errors.js";
export { indexByCustomerId } from "./core/indexByCustomerId.js";
export type { Decimal, MoneyInput } from "./core/money.js";
export type { DateInput, TimeUnit } from "./core/time.js";
export type { PlainData } from "./core/toPlainData.js";
export { toPlainData } from "./core/toPlainData.js";
export type { UnitConversion } from "./core/units.js";

// ── models: buy-till-you-die models, spend, predictions, CLV, diagnostics, model comparison ──
export type {
  BgBbModel,
  BgBbParams,
  DiscretePurchaseHistory,
  DiscretePurchaseHistoryRow,
} from "./models/betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
export { fitBgBb } from "./models/betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
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
export type { FitOptions } from "./models/fitInput.js";
export { fitGammaGamma } from "./models/gammaGamma/fitGammaGamma.js";
export type { GammaGammaFitOptions } from "./models/gammaGamma/gammaGammaOptions.js";
export { fitMbgNbd } from "./models/modifiedBgNbd/fitModifiedBgNbd.js";
export { fitParetoNbd } from "./models/paretoNbd/fitParetoNbd.js";
export { conditionalExpectedPurchases } from "./models/predictions/conditionalExpectedPurchases.js";
export { conditionalExpectedSpend } from "./models/predictions/conditionalExpectedSpend.js";
export type { ConditionalPurchaseCountOptions } from "./models/predictions/conditionalPurchaseCountProbability.js";
export { conditionalPurchaseCountProbability } from "./models/predictions/conditionalPurchaseCountProbability.js";
export type {
  CustomerHistory,
  LifetimeValueOptions,
  ValueModel,
} from "./models/predictions/customerLifetimeValue.js";
export { customerLifetimeValue } from "./models/predictions/customerLifetimeValue.js";
export { customerLogLikelihood } from "./models/predictions/customerLogLikelihood.js";
export type {
  DiscountOptions,
  DiscountUnitOptions,
} from "./models/predictions/discountedExpectedResidualPurchases.js";
export { discountedExpectedResidualPurchases } from "./models/predictions/discountedExpectedResidualPurchases.js";
export type { HorizonOptions } from "./models/predictions/expectedPurchases.js";
export { expectedPurchases } from "./models/predictions/expectedPurchases.js";
export type {
  DensityPoint,
  HeterogeneityDensities,
  HeterogeneityDensityOptions,
  MixingDensity,
} from "./models/predictions/heterogeneityDensities.js";
export { heterogeneityDensities } from "./models/predictions/heterogeneityDensities.js";
export type { PosteriorMeanRates } from "./models/predictions/posteriorMeanRates.js";
export { posteriorMeanRates } from "./models/predictions/posteriorMeanRates.js";
export type { ProbabilityAliveOptions } from "./models/predictions/probabilityAlive.js";
export { probabilityAlive } from "./models/predictions/probabilityAlive.js";
export type {
  AlivePathPoint,
  PathPurchase,
  ProbabilityAlivePathOptions,
} from "./models/predictions/probabilityAlivePath.js";
export { probabilityAlivePath } from "./models/predictions/probabilityAlivePath.js";
export type { PurchaseCountOptions } from "./models/predictions/purchaseCountProbability.js";
export { purchaseCountProbability } from "./models/predictions/purchaseCountProbability.js";
export type {
  SbgInput,
  SbgModel,
  SbgParams,
  SubscriptionHistoryRow,
} from "./models/shiftedBetaGeometric/fitShiftedBetaGeometric.js";
export { fitSbg } from "./models/shiftedBetaGeometric/fitShiftedBetaGeometric.js";
export { retentionElasticity } from "./models/shiftedBetaGeometric/retentionElasticity.js";
export type {
  CurveOptions,
  ExpectedRemainingLifetimeOptions,
  SubscriptionLifetimeValueOptions,
} from "./models/shiftedBetaGeometric/subscriptionPredictions.js";
export {
  expectedRemainingLifetime,
  retentionCurve,
  subscriptionLifetimeValue,
  survivalCurve,
} from "./models/shiftedBetaGeometric/subscriptionPredictions.js";
export type {
  PredictiveCheck,
  PredictiveCheckOptions,
  PredictiveCheckRow,
  PredictiveCheckTotal,
} from "./models/simulation/predictiveCheck.js";
export { predictiveCheck } from "./models/simulation/predictiveCheck.js";
export type {
  DiscreteSimulationOptions,
  DiscreteSimulationTarget,
  SimulatedDiscreteHistory,
} from "./models/simulation/simulateDiscreteHistories.js";
export { simulateDiscreteHistories } from "./models/simulation/simulateDiscreteHistories.js";
export type {
  PurchaseSimulationOptions,
  PurchaseSimulationTarget,
  SimulatedPurchaseHistory,
  SimulatedSpendHistory,
} from "./models/simulation/simulatePurchaseHistories.js";
export { simulatePurchaseHistories } from "./models/simulation/simulatePurchaseHistories.js";
export type {
  SimulatedSubscription,
  SubscriptionSimulationOptions,
  SubscriptionSimulationTarget,
} from "./models/simulation/simulateSubscriptions.js";
export { simulateSubscriptions } from "./models/simulation/simulateSubscriptions.js";
export type {
  BgNbdModel,
  BgNbdParams,
  FittedModel,
  GammaGammaModel,
  GammaGammaParams,
  MbgNbdModel,
  ParetoNbdModel,
  ParetoNbdParams,
  PurchaseHistory,
  PurchaseHistoryRow,
  PurchaseModel,
  SpendHistory,
  SpendHistoryRow,
} from "./models/types.js";

// ── satisfaction: SERVQUAL/RATER, NPS, CSAT, CES, index, Kano, loyalty ──────────────────────
export type {
  CompareNetPromoterScoresOptions,
  NetPromoterScoreComparison,
} from "./satisfaction/compareNetPromoterScores.js";
export { compareNetPromoterScores } from "./satisfaction/compareNetPromoterScores.js";
export type {
  CustomerEffortScoreOptions,
  CustomerEffortScoreResult,
} from "./satisfaction/customerEffortScore.js";
export { customerEffortScore } from "./satisfaction/customerEffortScore.js";
export type {
  CustomerSatisfactionScoreOptions,
  CustomerSatisfactionScoreResult,
} from "./satisfaction/customerSatisfactionScore.js";
export { customerSatisfactionScore } from "./satisfaction/customerSatisfactionScore.js";
export type {
  KanoAnswer,
  KanoAttributeResult,
  KanoCategory,
  KanoClassifyOptions,
  KanoCounts,
  KanoResponse,
  KanoResult,
} from "./satisfaction/kanoClassify.js";
export { kanoClassify } from "./satisfaction/kanoClassify.js";
export type {
  DickBasuCounts,
  DickBasuLoyalty,
  LoyaltyMatrixInput,
  LoyaltyMatrixOptions,
  LoyaltyMatrixResult,
  LoyaltyMatrixRow,
} from "./satisfaction/loyaltyMatrix.js";
export { loyaltyMatrix } from "./satisfaction/loyaltyMatrix.js";
export type {
  LoyaltyScoreInput,
  LoyaltyScoreOptions,
  LoyaltyScoreResult,
} from "./satisfaction/loyaltyScore.js";
export { loyaltyScore } from "./satisfaction/loyaltyScore.js";
export type {
  LoyaltyDrivers,
  LoyaltyType,
  LoyaltyTypeOptions,
  LoyaltyTypeResult,
} from "./satisfaction/loyaltyType.js";
export { loyaltyType } from "./satisfaction/loyaltyType.js";
export type {
  NetPromoterScoreOptions,
  NetPromoterScoreResult,
  ScoreInterval,
} from "./satisfaction/netPromoterScore.js";
export { netPromoterScore } from "./satisfaction/netPromoterScore.js";
export type { NpsCategories } from "./satisfaction/npsCategories.js";
export type { RaterIndexOptions, RaterIndexResult } from "./satisfaction/raterIndex.js";
export { raterIndex } from "./satisfaction/raterIndex.js";
export type {
  SatisfactionIndexItem,
  SatisfactionIndexItemResult,
  SatisfactionIndexOptions,
  SatisfactionIndexResult,
} from "./satisfaction/satisfactionIndex.js";
export { satisfactionIndex } from "./satisfaction/satisfactionIndex.js";
export type {
  SatisfactionCounts,
  SatisfactionIndicators,
} from "./satisfaction/satisfactionIndicators.js";
export { satisfactionIndicators } from "./satisfaction/satisfactionIndicators.js";
export type {
  JonesSasserCounts,
  JonesSasserSegment,
  SatisfactionLoyaltyInput,
  SatisfactionLoyaltyRow,
  SatisfactionLoyaltySegmentOptions,
  SatisfactionLoyaltySegmentResult,
} from "./satisfaction/satisfactionLoyaltySegment.js";
export { satisfactionLoyaltySegment } from "./satisfaction/satisfactionLoyaltySegment.js";
export type { AnswerScale } from "./satisfaction/scale.js";
export type {
  RaterDimension,
  RaterItemMap,
  RaterValues,
  ServqualDimensionResult,
  ServqualItemResult,
  ServqualOptions,
  ServqualResponse,
  ServqualResult,
  ToleranceReading,
  ToleranceZone,
} from "./satisfaction/servqual.js";
export { servqual } from "./satisfaction/servqual.js";

// ── segmentation: RFM, segments, value matrices ─────────────────────────────────────────────
export type {
  AssignSegmentsOptions,
  RfmScoreInput,
  SegmentRow,
} from "./segmentation/assignSegments.js";
export { assignSegments } from "./segmentation/assignSegments.js";
export type {
  CustomerValueCell,
  CustomerValueInput,
  CustomerValueMatrixOptions,
  CustomerValueMatrixResult,
} from "./segmentation/customerValueMatrix.js";
export {
  CUSTOMER_VALUE_POLICIES,
  customerValueMatrix,
} from "./segmentation/customerValueMatrix.js";
export type {
  PortfolioCell,
  PortfolioInput,
  PortfolioMatrixOptions,
  PortfolioMatrixResult,
} from "./segmentation/portfolioMatrix.js";
export { PORTFOLIO_POLICIES, portfolioMatrix } from "./segmentation/portfolioMatrix.js";
export type {
  RfmCutPoints,
  RfmMeasures,
  RfmNestedCutPoints,
  RfmNestedPurchaseCuts,
  RfmNestedSpendCuts,
  RfmScoreRow,
  RfmScoresOptions,
  RfmScoresResult,
  RfmThresholds,
  RfmTieRule,
} from "./segmentation/rfmScores.js";
export { rfmScores } from "./segmentation/rfmScores.js";
export type { RfmRow, RfmTableOptions, RfmTransaction } from "./segmentation/rfmTable.js";
export { rfmTable } from "./segmentation/rfmTable.js";
export type {
  SegmentCount,
  SegmentMigrationOptions,
  SegmentMigrationResult,
  SegmentMove,
  SegmentTransition,
} from "./segmentation/segmentMigration.js";
export { segmentMigration } from "./segmentation/segmentMigration.js";
export type {
  RfmScoreRange,
  SegmentCodeRule,
  SegmentRangeRule,
  SegmentRule,
} from "./segmentation/segmentPresets.js";
export {
  CLASSIC_RFM_SEGMENTS,
  PYMC_MARKETING_SEGMENTS,
} from "./segmentation/segmentPresets.js";
export type {
  SegmentInput,
  SegmentSummaryRow,
  SegmentSummaryValues,
} from "./segmentation/segmentSummary.js";
export { segmentSummary } from "./segmentation/segmentSummary.js";
export type { GridSplitRule, SplitRule } from "./segmentation/split.js";
export type {
  CostLevel,
  DemandLevel,
  TargetClass,
  TargetCustomerGridOptions,
  TargetCustomerGridResult,
  TargetGridCells,
  TargetGridInput,
  TargetGridPlacement,
} from "./segmentation/targetCustomerGrid.js";
export {
  TARGET_GRID_CELLS,
  targetCustomerGrid,
} from "./segmentation/targetCustomerGrid.js";
export type {
  MatrixPlacement,
  ValueMatrixCell,
  ValueMatrixInput,
  ValueMatrixOptions,
  ValueMatrixResult,
} from "./segmentation/valueMatrix.js";
export { VALUE_MATRIX_POLICIES, valueMatrix } from "./segmentation/valueMatrix.js";

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
  CompareOffersOptions,
  CompareOffersResult,
  Offer,
  RankedOffer,
} from "./value/compareOffers.js";
export { compareOffers } from "./value/compareOffers.js";
export type {
  CustomerBaseContributions,
  CustomerBaseLevers,
  CustomerBaseValueParameters,
  CustomerBaseValueResult,
} from "./value/customerBaseValue.js";
export { customerBaseValue } from "./value/customerBaseValue.js";
export type {
  CohortEquity,
  CustomerEquityOptions,
  CustomerEquityResult,
  EquityCohort,
  EquityGroups,
  EquitySegment,
  SegmentEquity,
} from "./value/customerEquity.js";
export { customerEquity } from "./value/customerEquity.js";
export type {
  DeliveredValueComponents,
  DeliveredValueParameters,
  DeliveredValueResult,
  ValueComponent,
  WeightedScore,
} from "./value/deliveredValue.js";
export { deliveredValue } from "./value/deliveredValue.js";
export type {
  CashFlow,
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
  RetentionLifetimeValueParameters,
  RetentionLifetimeValueResult,
  ValueScheduleRow,
} from "./value/retentionLifetimeValue.js";
export { retentionLifetimeValue } from "./value/retentionLifetimeValue.js";
