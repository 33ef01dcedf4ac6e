/**
 * Side-by-side comparison of fitted models: log-likelihood, parameter count, AIC, BIC, and
 * likelihood-ratio tests for nested pairs.
 * @module
 */
import * as z from "zod/mini";
import { InvalidInputError, IssueCollector } from "../core/errors.js";
import { type TimeUnit, timeUnitSchema } from "../core/time.js";
import { boundedArray, parseInput } from "../core/validate.js";
import { chiSquareSurvival } from "../math/chiSquare.js";

/**
 * What {@link compareModels} needs from a fitted model; every `fit…` result of this library has it.
 * @category Models
 */
export interface ComparableModel {
  /** Model family, e.g. `"bg-nbd"`, `"pareto-nbd"`, `"bg-bb"`. */
  readonly kind: string;
  /** Estimated parameters (an object of named finite numbers); their number is the parameter count k. */
  readonly params: object;
  /** Total log-likelihood at the estimates (a sum over customers, in the data's own units). */
  readonly logLikelihood: number;
  /** Number of customers fitted (the n of BIC). */
  readonly customerCount: number;
  /**
   * The time unit of the data the model was fitted to (every fitted model but the Gamma-Gamma
   * records one). A continuous-time log-likelihood is a density in the purchase times, so models
   * compared must share it.
   */
  readonly unit?: TimeUnit;
}

/**
 * Options of {@link compareModels}.
 * @category Models
 */
export interface CompareModelsOptions {
  /**
   * Pairs `[restricted, full]` of indices into `fits` where the first model is a special case of
   * the second (fixing some of its parameters), for a likelihood-ratio test. None of the model
   * families of this library nests another, so this is for fits you restricted yourself.
   */
  readonly nested?: readonly (readonly [number, number])[];
}

/**
 * One model's row of a {@link ModelComparison}.
 * @category Models
 */
export interface ModelComparisonRow {
  /** Position of the model in the `fits` argument. */
  readonly index: number;
  /** The model's `kind`. */
  readonly kind: string;
  /** Total log-likelihood ℓ. */
  readonly logLikelihood: number;
  /** Number of estimated parameters k. */
  readonly parameterCount: number;
  /** Akaike information criterion `2k − 2ℓ` (smaller is better). */
  readonly aic: number;
  /** Bayesian information criterion `k·ln n − 2ℓ`, n = customers (smaller is better). */
  readonly bic: number;
  /** BIC minus the smallest BIC of the comparison (0 for the recommended model). */
  readonly deltaBic: number;
  /** AIC minus the smallest AIC of the comparison. */
  readonly deltaAic: number;
  /** Rank by BIC, 1 = best. */
  readonly rank: number;
}

/**
 * A likelihood-ratio test of a restricted model against a model that nests it.
 * @category Models
 */
export interface LikelihoodRatioTest {
  /** Index of the restricted model. */
  readonly restricted: number;
  /** Index of the full model. */
  readonly full: number;
  /** `2(ℓ_full − ℓ_restricted)` (≥ 0). */
  readonly statistic: number;
  /** Difference in parameter counts. */
  readonly degreesOfFreedom: number;
  /** `P(χ²_df ≥ statistic)`: small values reject the restricted model. */
  readonly pValue: number;
}

/**
 * Result of {@link compareModels}.
 * @category Models
 */
export interface ModelComparison {
  /** One row per model, in the order of `fits`. */
  readonly rows: readonly ModelComparisonRow[];
  /** Index (into `fits`) of the model with the smallest BIC. */
  readonly recommended: number;
  /** Likelihood-ratio tests for the pairs declared in `options.nested` (empty otherwise). */
  readonly likelihoodRatioTests: readonly LikelihoodRatioTest[];
  /** Plain-language notes: which families do not nest, how to read the differences. */
  readonly notes: readonly string[];
}

const FAMILY: ReadonlyMap<string, string> = new Map([
  ["bg-nbd", "continuous-time purchase histories (frequency, recency, T)"],
  ["mbg-nbd", "continuous-time purchase histories (frequency, recency, T)"],
  ["pareto-nbd", "continuous-time purchase histories (frequency, recency, T)"],
  ["bg-bb", "discrete-time purchase histories (frequency, recency, periods)"],
  ["sbg", "contract renewals (survivor counts)"],
  ["gamma-gamma", "spend per repeat buyer"],
]);

const modelSchema = z.object({
  kind: z.string().check(z.minLength(1)),
  params: z.record(z.string(), z.number()),
  logLikelihood: z.number().check(z.nonpositive()),
  customerCount: z.number().check(z.positive()),
  unit: z.optional(timeUnitSchema),
});

const optionsSchema = z.strictObject({
  nested: z.exactOptional(
    boundedArray(
      z.array(z.tuple([z.int().check(z.nonnegative()), z.int().check(z.nonnegative())])),
    ),
  ),
}) satisfies z.ZodMiniType<unknown, CompareModelsOptions>;

/**
 * Compares fitted models of the same data: log-likelihood, parameter count, AIC and BIC side by
 * side, a recommendation by BIC, and likelihood-ratio tests for declared nested pairs.
 *
 * `AIC = 2k − 2ℓ`, `BIC = k·ln n − 2ℓ` with k the number of parameters and n the number of customers
 * (the convention of the BTYD literature; some software uses the number of transactions or of
 * distinct rows for n). Differences matter, not levels: a BIC difference above 10 is "very strong"
 * evidence (Kass & Raftery 1995), below 2 "not worth more than a bare mention". The log-likelihoods
 * must come from the same customers in the same time unit: a continuous-time log-likelihood shifts
 * by `Σx·ln c` when time is rescaled by c, so models whose `unit` differs are refused. BG/NBD, MBG/NBD and Pareto/NBD do not nest one another
 * (none is a special case of another with parameters inside their range), so no likelihood-ratio
 * test applies between them; compare them by AIC/BIC and by holdout performance. For a pair you
 * declare nested, `2(ℓ_full − ℓ_restricted) ~ χ²(k_full − k_restricted)` under the restricted model.
 *
 * @param fits - two or more fitted models of the same data (any `fit…` result)
 * @param options - `nested`: `[restricted, full]` index pairs for likelihood-ratio tests
 * @returns {@link ModelComparison} rows in input order, the recommended index, tests and notes
 * @throws {InvalidInputError} listing every problem in one pass: fewer than two models
 *   (`too_small` at `fits`) or a malformed model (`fits[i].logLikelihood`, …); models of different
 *   kinds of data or different numbers of customers (`inconsistent` at `fits[i].kind` /
 *   `fits[i].customerCount`, compared with `fits[0]`); models fitted in different time units
 *   (`unit_mismatch` at `fits[i].unit`); a declared nested pair that is impossible
 *   (`options.nested[j]`: `too_big` for an index beyond `fits`, `inconsistent` otherwise)
 * @example
 * ```ts
 * import { compareModels } from "customer-value";
 * const bgNbd = { kind: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood: -9582.43, customerCount: 2357, unit: "week" } as const;
 * const pareto = { kind: "pareto-nbd", params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, logLikelihood: -9594.97, customerCount: 2357, unit: "week" } as const;
 * const comparison = compareModels([bgNbd, pareto]);
 * comparison.recommended; // => 0
 * comparison.rows[1]!.deltaBic.toFixed(2); // => "25.08"
 * ```
 * @category Models
 * @see Akaike (1974), "A new look at the statistical model identification", IEEE TAC 19(6);
 *   Schwarz (1978), "Estimating the dimension of a model", Annals of Statistics 6(2);
 *   Kass & Raftery (1995), "Bayes factors", JASA 90(430).
 */
export function compareModels(
  fits: readonly ComparableModel[],
  options: CompareModelsOptions = {},
): ModelComparison {
  const fn = "compareModels";
  const issues = new IssueCollector();
  const attempt = <T>(step: () => T): T | undefined => {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      issues.addAll(error.issues);
      return undefined;
    }
  };
  const parsedModels = attempt(() =>
    parseInput(fn, boundedArray(z.array(modelSchema).check(z.minLength(2))), fits, ["fits"]),
  );
  const opts = attempt(() => parseInput(fn, optionsSchema, options, ["options"]));
  if (parsedModels !== undefined) checkSameData(parsedModels, issues);
  issues.throwIfAny(fn);
  const models = parsedModels!;
  const { rows, order } = criteriaRows(models);
  const tests = likelihoodRatioTests(opts!.nested ?? [], rows, issues);
  issues.throwIfAny(fn);
  return {
    rows,
    recommended: order[0]!.index,
    likelihoodRatioTests: tests,
    notes: comparisonNotes(models, order),
  };
}

type ParsedModel = z.output<typeof modelSchema>;

/** Records an issue for every fit of another data family, customer count or time unit than fits[0]. */
function checkSameData(parsedModels: readonly ParsedModel[], issues: IssueCollector): void {
  const family = (kind: string) => FAMILY.get(kind) ?? `"${kind}" data`;
  const first = parsedModels[0]!;
  for (let i = 1; i < parsedModels.length; i++) {
    const m = parsedModels[i]!;
    if (family(m.kind) !== family(first.kind)) {
      issues.add(
        ["fits", i, "kind"],
        `A ${m.kind} model (fitted to ${family(m.kind)}) cannot be compared with a ${first.kind} model (fitted to ${family(first.kind)}): likelihoods of different data are not comparable`,
        "inconsistent",
        m.kind,
      );
    }
    if (m.customerCount !== first.customerCount) {
      issues.add(
        ["fits", i, "customerCount"],
        `Fitted to ${m.customerCount} customers, but fits[0] to ${first.customerCount}: compare models of the same data`,
        "inconsistent",
        m.customerCount,
      );
    }
    if (m.unit !== first.unit) {
      issues.add(
        ["fits", i, "unit"],
        `Fitted to data in ${m.unit === undefined ? "no time unit" : `${m.unit}s`}, but fits[0] to data in ${first.unit === undefined ? "no time unit" : `${first.unit}s`}: a log-likelihood depends on the time unit (it shifts by Σx·ln c when time is rescaled by c); refit both in one unit`,
        "unit_mismatch",
        m.unit,
      );
    }
  }
}

/**
 * The information criteria per model, AIC = 2k − 2ℓ and BIC = k·ln N − 2ℓ (Akaike 1974; Schwarz
 * 1978), their differences to the best, and the rank by BIC (ties by input order).
 */
function criteriaRows(models: readonly ParsedModel[]): {
  rows: ModelComparisonRow[];
  order: readonly { readonly index: number; readonly kind: string; readonly bic: number }[];
} {
  const partial = models.map((m, index) => {
    const k = Object.keys(m.params).length;
    return {
      index,
      kind: m.kind,
      logLikelihood: m.logLikelihood,
      parameterCount: k,
      aic: 2 * k - 2 * m.logLikelihood,
      bic: k * Math.log(m.customerCount) - 2 * m.logLikelihood,
    };
  });
  const minBic = Math.min(...partial.map((r) => r.bic));
  const minAic = Math.min(...partial.map((r) => r.aic));
  const order = [...partial].sort((a, b) => a.bic - b.bic || a.index - b.index);
  const rankOf = new Map(order.map((r, i) => [r.index, i + 1]));
  const rows: ModelComparisonRow[] = partial.map((r) => ({
    ...r,
    deltaBic: r.bic - minBic,
    deltaAic: r.aic - minAic,
    rank: rankOf.get(r.index)!,
  }));
  return { rows, order };
}

/**
 * Likelihood-ratio tests of the declared nested pairs: 2(ℓ_full − ℓ_restricted) against χ² with
 * the difference in parameter counts as degrees of freedom (Wilks 1938); bad pairs are recorded.
 */
function likelihoodRatioTests(
  nested: readonly (readonly [number, number])[],
  rows: readonly ModelComparisonRow[],
  issues: IssueCollector,
): LikelihoodRatioTest[] {
  const tests: LikelihoodRatioTest[] = [];
  for (const [j, [restricted, full]] of nested.entries()) {
    const r = rows[restricted];
    const f = rows[full];
    if (r === undefined || f === undefined || restricted === full) {
      issues.add(
        ["options", "nested", j],
        "Indices must name two different models of `fits`",
        restricted === full ? "inconsistent" : "too_big",
        [restricted, full],
      );
      continue;
    }
    if (f.parameterCount <= r.parameterCount) {
      issues.add(
        ["options", "nested", j],
        `Model ${full} (${f.parameterCount} parameters) cannot nest model ${restricted} (${r.parameterCount} parameters)`,
        "inconsistent",
        [restricted, full],
      );
      continue;
    }
    const statistic = Math.max(0, 2 * (f.logLikelihood - r.logLikelihood));
    const degreesOfFreedom = f.parameterCount - r.parameterCount;
    tests.push({
      restricted,
      full,
      statistic,
      degreesOfFreedom,
      pValue: chiSquareSurvival(statistic, degreesOfFreedom),
    });
  }
  return tests;
}

/** Plain-language notes: families that do not nest, and the BIC gap on the Kass & Raftery scale. */
function comparisonNotes(
  models: readonly ParsedModel[],
  order: readonly { readonly index: number; readonly kind: string; readonly bic: number }[],
): string[] {
  const kinds = new Set(models.map((m) => m.kind));
  const notes: string[] = [];
  const continuous = ["bg-nbd", "mbg-nbd", "pareto-nbd"].filter((k) => kinds.has(k));
  if (continuous.length >= 2) {
    notes.push(
      `${continuous.join(", ")} do not nest one another: no likelihood-ratio test applies; use AIC/BIC and a holdout comparison.`,
    );
  }
  const best = order[0]!;
  const second = order[1]!;
  const gap = second.bic - best.bic;
  notes.push(
    `Lowest BIC: model ${best.index} (${best.kind}); the next is ${gap.toFixed(2)} higher (${
      gap > 10 ? "very strong" : gap > 6 ? "strong" : gap > 2 ? "positive" : "weak"
    } evidence on the Kass & Raftery scale).`,
  );
  return notes;
}
