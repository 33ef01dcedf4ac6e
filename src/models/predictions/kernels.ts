/**
 * Dispatch from a fitted purchase model to its mathematics. Every prediction function goes through
 * {@link purchaseKernel}; adding a model family is one `case` here (and one overload per public
 * function whose customer type differs).
 * @internal
 * @module
 */
import * as z from "zod/mini";
import {
  collectRowIssues,
  echo,
  type InputIssue,
  InvalidInputError,
  type IssueCode,
  IssueCollector,
  invalidInput,
} from "../../core/errors.js";
import { type TimeUnit, timeUnitSchema } from "../../core/time.js";
import { checkedUnitRatio, type UnitConversion } from "../../core/units.js";
import { checkArray, parseInput } from "../../core/validate.js";
import { regularizedIncompleteBeta } from "../../math/incompleteBeta.js";
import {
  bgNbdConditionalExpected,
  bgNbdDertIfAlive,
  bgNbdExpected,
  bgNbdExpectedIfAlive,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  type DropoutShift,
} from "../bgNbd/bgNbdMath.js";
import { historyIssues, historyProblem, isValidHistory } from "../historyValidation.js";
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdDert,
  paretoNbdDertIfAlive,
  paretoNbdExpectedIfAlive,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
} from "../paretoNbd/fitParetoNbd.js";
import type { BgNbdParams, GammaGammaModel, ParetoNbdParams, PurchaseModel } from "../types.js";

/** The per-customer mathematics of one continuous-time purchase model. @internal */
export interface PurchaseKernel {
  probabilityAlive(x: number, tx: number, T: number): number;
  conditionalExpected(x: number, tx: number, T: number, t: number): number;
  expected(t: number): number;
  purchaseCountProbability(n: number, t: number): number;
  dert(x: number, tx: number, T: number, delta: number): number;
  /** Probability that a customer alive at T with x repeat purchases buys nothing in the next t. */
  noPurchaseIfAlive(x: number, T: number, t: number): number;
  /**
   * When the model factorises as P(alive | x, t_x, T)·g(x, T), the factor g of the conditional
   * expectation (lets batch paths compute g once per distinct (x, T)).
   */
  expectedIfAlive?: (x: number, T: number, t: number) => number;
  /** Likewise for DERT. */
  dertIfAlive?: (x: number, T: number, delta: number) => number;
}

/**
 * The region the BG/NBD numerics cannot serve: the Beta-mixture quadrature of E[Y(t)] (and the
 * DERT quadrature) would need more than 100,000 nodes, which happens only when a Beta shape (a, or
 * b + x + m) is below ≈ 2·10⁻³ and the fast series does not apply (docs/numerics.md). Thrown as an
 * InvalidInputError naming the smaller shape parameter, never returned as a number.
 */
function unserved(
  fn: string,
  path: readonly PropertyKey[],
  q: BgNbdParams,
  shapeB: number,
): InvalidInputError {
  const name = q.a <= shapeB ? "a" : "b";
  return invalidInput(
    fn,
    [...path, "params", name],
    `The BG/NBD numerics cannot serve this prediction: the Beta shape ${name} = ${q[name]} is too small (below about 2e-3) for this customer and horizon`,
    "unsupported",
    q[name],
  );
}

/**
 * Largest posterior purchase rate per discounting horizon, E[λ | x, T]/δ = (r + x)/((α + T)·δ), the
 * BG/NBD DERT serves. Its continued fraction needs about 14·√(λ/δ) steps per quadrature node, so
 * 10⁸ (a customer buying a hundred million times within the discounting horizon 1/δ; the CDNOW
 * customers are near 20) keeps a customer within milliseconds. Beyond it the rate has run off to
 * infinity and the answer is the model's limit, not a number the quadrature can certify.
 */
const MAX_RATE_PER_DISCOUNT_HORIZON = 1e8;

function bgKernel(
  q: BgNbdParams,
  m: DropoutShift,
  fn: string,
  path: readonly PropertyKey[],
): PurchaseKernel {
  const served = (value: number, x: number): number => {
    if (Number.isNaN(value)) throw unserved(fn, path, q, q.b + x + m);
    return value;
  };
  const dertIfAlive = (x: number, T: number, delta: number): number => {
    const rate = (q.r + x) / ((q.alpha + T) * delta);
    if (!(rate <= MAX_RATE_PER_DISCOUNT_HORIZON)) {
      throw invalidInput(
        fn,
        [...path, "params", "r"],
        `The BG/NBD DERT numerics serve a posterior purchase rate of at most ${MAX_RATE_PER_DISCOUNT_HORIZON} purchases per discounting horizon 1/δ; (r + x)/((α + T)·δ) = ${rate.toPrecision(3)} here (r = ${q.r}, α = ${q.alpha})`,
        "unsupported",
        q.r,
      );
    }
    return served(bgNbdDertIfAlive(q, m, x, T, delta), x);
  };
  return {
    probabilityAlive: (x, tx, T) => bgNbdProbabilityAlive(q, m, x, tx, T),
    conditionalExpected: (x, tx, T, t) => served(bgNbdConditionalExpected(q, m, x, tx, T, t), x),
    expected: (t) => served(bgNbdExpected(q, m, t), 0),
    purchaseCountProbability: (n, t) =>
      bgNbdPurchaseCountProbability(q, m, n, t, regularizedIncompleteBeta),
    dert: (x, tx, T, delta) => {
      const alive = bgNbdProbabilityAlive(q, m, x, tx, T);
      return alive === 0 ? 0 : alive * dertIfAlive(x, T, delta);
    },
    // Drop-out happens only at a purchase: no purchase means none of the Poisson events occurs.
    noPurchaseIfAlive: (x, T, t) => Math.exp((q.r + x) * Math.log1p(-t / (q.alpha + T + t))),
    expectedIfAlive: (x, T, t) => served(bgNbdExpectedIfAlive(q, m, x, T, t), x),
    dertIfAlive,
  };
}

function paretoKernel(q: ParetoNbdParams): PurchaseKernel {
  return {
    probabilityAlive: (x, tx, T) => paretoNbdProbabilityAlive(q, x, tx, T),
    conditionalExpected: (x, tx, T, t) => paretoNbdConditionalExpectedPurchases(q, x, tx, T, t),
    expected: (t) => paretoNbdExpectedPurchases(q, t),
    purchaseCountProbability: (n, t) => paretoNbdPurchaseCountProbability(q, n, t),
    dert: (x, tx, T, delta) => paretoNbdDert(q, x, tx, T, delta),
    // Given alive at T: a new customer with λ ~ Gamma(r + x, α + T), μ ~ Gamma(s, β + T).
    noPurchaseIfAlive: (x, T, t) =>
      paretoNbdPurchaseCountProbability(
        { r: q.r + x, alpha: q.alpha + T, s: q.s, beta: q.beta + T },
        0,
        t,
      ),
    expectedIfAlive: (x, T, t) => paretoNbdExpectedIfAlive(q, x, T, t),
    dertIfAlive: (x, T, delta) => paretoNbdDertIfAlive(q, x, T, delta),
  };
}

/**
 * The kernel of a validated purchase model. `fn` and `path` (the model argument's path) name the
 * function and parameter in the error thrown where a model's numerics cannot serve a prediction.
 * @internal
 */
export function purchaseKernel(
  model: PurchaseModel,
  fn = "prediction",
  path: readonly PropertyKey[] = ["model"],
): PurchaseKernel {
  switch (model.kind) {
    case "bg-nbd":
      return bgKernel(model.params, 0, fn, path);
    case "mbg-nbd":
      return bgKernel(model.params, 1, fn, path);
    case "pareto-nbd":
      return paretoKernel(model.params);
  }
}

const positive = z.number().check(z.positive());
const bgParamsSchema = z.object({ r: positive, alpha: positive, a: positive, b: positive });
const paretoParamsSchema = z.object({ r: positive, alpha: positive, s: positive, beta: positive });

/** Schema of a purchase model as the prediction functions need it (extra fields allowed). */
const purchaseModelSchema = z.discriminatedUnion("kind", [
  z.looseObject({ kind: z.literal("bg-nbd"), params: bgParamsSchema, unit: timeUnitSchema }),
  z.looseObject({ kind: z.literal("mbg-nbd"), params: bgParamsSchema, unit: timeUnitSchema }),
  z.looseObject({
    kind: z.literal("pareto-nbd"),
    params: paretoParamsSchema,
    unit: timeUnitSchema,
  }),
]);

/**
 * Validates a purchase model argument: its `kind`, finite positive parameters and its time `unit`
 * (required: the unit of the data it was fitted to; code `"required"`/`"invalid_value"` at
 * `model.unit`). `path` is the model argument's path (`["model"]`, or `["model", "purchase"]` when
 * the model sits in a pair). Returns the validated copy: each parameter is read once, so a getter
 * cannot hand the validation one value and the kernel another.
 * @internal
 */
export function parsePurchaseModel(
  fn: string,
  model: unknown,
  path: readonly PropertyKey[] = ["model"],
): PurchaseModel {
  return parseModelWithUnit(fn, purchaseModelSchema, model, path) as unknown as PurchaseModel;
}

/**
 * {@link parseInput} for a model schema with a required `unit`: a missing unit is reported as
 * `"required"` (zod reports a missing enum value as `"invalid_value"`). @internal
 */
export function parseModelWithUnit<S extends z.core.$ZodType>(
  fn: string,
  schema: S,
  model: unknown,
  path: readonly PropertyKey[],
): z.output<S> {
  try {
    return parseInput(fn, schema, model, path);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const unitPath = path.length + 1;
    const missing = (i: InputIssue): boolean =>
      i.path.length === unitPath &&
      i.path[path.length] === "unit" &&
      "received" in i &&
      i.received === undefined;
    const badKind = (i: InputIssue): boolean =>
      i.path.length === unitPath && i.path[path.length] === "kind" && "received" in i;
    if (!error.issues.some((i) => missing(i) || badKind(i))) throw error;
    throw new InvalidInputError(
      fn,
      error.issues.map((i) => {
        if (missing(i)) {
          return {
            ...i,
            code: "required" as const,
            message: `The model's time unit is required ("day", "week", "month", "quarter" or "year"; fitted models record it)`,
          };
        }
        if (badKind(i)) {
          // zod reports the model object; name the kind it read (on this error path only).
          const kind =
            typeof i.received === "object" && i.received !== null
              ? (i.received as { kind?: unknown }).kind
              : i.received;
          return {
            path: i.path,
            code:
              kind === undefined
                ? ("required" as const)
                : typeof kind === "string"
                  ? ("invalid_value" as const)
                  : ("invalid_type" as const),
            message: `${i.message.replace(/; received .*$/, "")}; received ${echo(kind)}`,
            received: kind,
          };
        }
        return i;
      }),
    );
  }
}

const gammaGammaSchema = z.looseObject({
  kind: z.literal("gamma-gamma"),
  params: z.object({ p: positive, q: positive, v: positive }),
});

/**
 * Validates a Gamma-Gamma model argument (it has no time unit); `path` is the model argument's
 * path. Returns the validated copy (each parameter read once). @internal
 */
export function parseSpendModel(
  fn: string,
  model: unknown,
  path: readonly PropertyKey[] = ["model"],
): GammaGammaModel {
  return parseInput(fn, gammaGammaSchema, model, path) as unknown as GammaGammaModel;
}

/** The `unit` and `unitConversion` options every prediction with a horizon or a rate takes. @internal */
export const unitOptionsShape = {
  unit: z.exactOptional(timeUnitSchema),
  unitConversion: z.exactOptional(z.literal("calendar-average")),
};

/**
 * Runs each check, collecting the `InvalidInputError`s of all of them into one error (so that a
 * wrong rate and a wrong unit are reported together); returns the checks' results. @internal
 */
export function allChecked<T extends readonly unknown[]>(
  fn: string,
  ...checks: { readonly [K in keyof T]: () => T[K] }
): T {
  const issues = new IssueCollector();
  const out: unknown[] = [];
  for (const check of checks) {
    try {
      out.push(check());
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      issues.addAll(error.issues);
      out.push(undefined);
    }
  }
  issues.throwIfAny(fn);
  return out as unknown as T;
}

/**
 * How many model time units one `unit` lasts (1 when `unit` is omitted): the factor that turns a
 * horizon in `unit`s into model time. Incompatible units without `unitConversion` are an
 * `InvalidInputError` (code `"unit_mismatch"`) at `options.unit`.
 * @internal
 */
export function modelUnitsPer(
  fn: string,
  modelUnit: TimeUnit,
  unit: TimeUnit | undefined,
  conversion: UnitConversion | undefined,
): number {
  if (unit === undefined) return 1;
  return checkedUnitRatio(fn, ["options", "unit"], unit, modelUnit, conversion);
}

/**
 * Returns a scalar prediction, or throws when it is not finite (a horizon beyond what float64 can
 * carry through the model's formulas): no `NaN` leaves the library. @internal
 */
export function finiteResult(fn: string, value: number, path: readonly PropertyKey[]): number {
  if (!Number.isFinite(value)) {
    throw invalidInput(
      fn,
      [...path],
      "The prediction lies outside the range the model's numerics support (result not finite)",
      "unsupported",
    );
  }
  return value;
}

/**
 * The error of an invalid history row at `customers[i]` (see {@link historyProblem}); a row that
 * was valid when read again (a getter) is reported as a whole (`invalid_type`). @internal
 */
export function customerProblem(fn: string, row: unknown, i: number): InvalidInputError {
  const error = historyProblem(fn, row, i);
  if (error.issues.every((x) => x.code !== "custom")) return error;
  return new InvalidInputError(
    fn,
    error.issues.map((x) =>
      x.code === "custom" ? { ...x, code: "invalid_type" as const, received: row } : x,
    ),
  );
}

/**
 * Throws one `InvalidInputError` listing every invalid history row of `rows` (up to 100): the slow
 * path of a row loop that found a first bad row. @internal
 */
export function throwCustomerProblems(fn: string, rows: readonly unknown[], first: number): never {
  const firstError = customerProblem(fn, rows[first], first);
  collectRowIssues(fn, rows.length, (i) => {
    const found = historyIssues(rows[i], ["customers", i]);
    if (found.length > 0) throw new InvalidInputError(fn, found);
  });
  throw firstError; // a row that changed between reads: its first error
}

/** Most distinct T values whose g(x, T) is cached (continuous-time data have a distinct T per customer). */
const MAX_CACHED_T = 65_536;

/**
 * Validates every history in `input` and evaluates P(alive)·g per row in one pass, without
 * intermediate columns. When the kernel factorises, g(x, T) is computed once per distinct (x, T)
 * (a few thousand pairs for a million customers on day- or week-resolution data); else `direct`.
 * @internal
 */
export function conditionalOverRows(
  fn: string,
  input: unknown,
  alive: (x: number, tx: number, T: number) => number,
  ifAlive: ((x: number, T: number) => number) | undefined,
  direct: (x: number, tx: number, T: number) => number,
): Float64Array {
  checkArray(fn, input, "an array of customers", ["customers"]);
  const rows: readonly unknown[] = input;
  const n = rows.length;
  const out = new Float64Array(n);
  const tIndex = new Map<number, number>();
  const caches: Float64Array[] = [];
  let lastT = Number.NaN;
  let lastK = -1;
  for (let i = 0; i < n; i++) {
    // Numbers once isValidHistory has checked them (each field is read once).
    const row = rows[i] as { frequency: number; recency: number; T: number } | undefined;
    const x = row?.frequency as number;
    const tx = row?.recency as number;
    const T = row?.T as number;
    if (!isValidHistory(x, tx, T)) throwCustomerProblems(fn, rows, i);
    if (ifAlive === undefined) {
      out[i] = direct(x, tx, T);
      continue;
    }
    const p = alive(x, tx, T);
    if (p === 0) continue;
    if (T !== lastT) {
      let k = tIndex.get(T);
      if (k === undefined && tIndex.size < MAX_CACHED_T) {
        k = caches.length;
        tIndex.set(T, k);
        caches.push(new Float64Array(16).fill(Number.NaN));
      }
      lastT = T;
      lastK = k ?? -1;
    }
    if (lastK < 0) {
      out[i] = p * ifAlive(x, T);
      continue;
    }
    let cache = caches[lastK]!;
    if (x >= cache.length) {
      const bigger = new Float64Array(Math.max(2 * cache.length, x + 1)).fill(Number.NaN);
      bigger.set(cache);
      caches[lastK] = cache = bigger;
    }
    let g = cache[x]!;
    if (Number.isNaN(g)) {
      g = ifAlive(x, T);
      cache[x] = g;
    }
    out[i] = p * g;
  }
  // No NaN leaves the library: a value outside float64's reach (e.g. the uncovered corner of the
  // ₂F₁ strategy, models.md §7.2) is reported for the customer it concerns.
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(out[i]!)) {
      throw invalidInput(
        fn,
        ["customers", i],
        "This customer's history lies outside the range the model's numerics support (result not finite)",
        "unsupported",
      );
    }
  }
  return out;
}
