/**
 * The options of `fitGammaGamma`: the shared {@link FitOptions} plus the Gamma-Gamma's own, read in
 * one pass with the rows (one `InvalidInputError` lists the problems of both).
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { InvalidInputError } from "../../core/errors.js";
import { parseInput } from "../../core/validate.js";
import { type FitOptions, readFitInput } from "../fit.js";
import { readSpendData, type SpendData } from "./spendData.js";

/**
 * Options of {@link fitGammaGamma}: those of every fit ({@link FitOptions}; `unit` is not
 * accepted, spend has no time unit) and the Gamma-Gamma's own.
 * @category Models
 */
export interface GammaGammaFitOptions extends FitOptions {
  /**
   * What to do with a customer whose mean spend is ≤ 0 (refunds, free orders), which the model
   * (a gamma distribution of positive values) cannot describe: `"exclude"` (default) leaves them
   * out of the fit and counts them in the model's `excludedCount`; `"error"` throws an
   * `InvalidInputError` (`too_small` at `customers[i].monetaryValue`, or `.totalSpend`).
   */
  readonly nonPositiveSpend?: "exclude" | "error";
  /**
   * Constrain the estimate to q > 1, where the population mean spend p·v/(q − 1) is finite and
   * positive (the `q_constraint=True` of the Python lifetimes library). Fitted as q = 1 + e^θ;
   * the standard error of q by the delta method. Default `false`: q > 0. When the data favour
   * q ≤ 1 the constrained maximum lies on the boundary q → 1 and the fit throws a `ModelFitError`.
   */
  readonly constrainFiniteMean?: boolean;
  /**
   * Which transactions the mean spend is over (CLVTools' `remove.first.transaction`):
   * `"exclude"` (default; Fader, Hardie & Lee 2005, lifetimes) the repeat purchases only — x =
   * `frequency` purchases of mean `monetaryValue`, frequency-0 rows skipped; `"include"` every
   * purchase — x = `frequency + 1` purchases of mean `totalSpend / (frequency + 1)`, every row used
   * (rows need `totalSpend`, as those of `summarizeTransactions` have). Recorded on the model as
   * `firstTransaction`; the spend predictions then read the same fields.
   */
  readonly firstTransaction?: "exclude" | "include";
}

const ownSchema = z.strictObject({
  nonPositiveSpend: z.exactOptional(z.enum(["exclude", "error"])),
  constrainFiniteMean: z.exactOptional(z.boolean()),
  firstTransaction: z.exactOptional(z.enum(["exclude", "include"])),
});
const OWN_KEYS = ["nonPositiveSpend", "constrainFiniteMean", "firstTransaction"] as const;

/** The validated options of a Gamma-Gamma fit, its own with their defaults. @internal */
export interface GammaGammaInput {
  readonly opts: FitOptions;
  readonly own: {
    readonly nonPositiveSpend: "exclude" | "error";
    readonly constrainFiniteMean: boolean;
    readonly firstTransaction: "exclude" | "include";
  };
  readonly data: SpendData;
}

/**
 * Validates the options and the rows of a Gamma-Gamma fit in one pass: the Gamma-Gamma's own
 * options (which decide how the rows are read), then the shared ones and the rows; one
 * `InvalidInputError` lists every problem.
 * @internal
 */
export function readGammaGammaInput(
  fn: string,
  customers: unknown,
  options: unknown,
  names: readonly string[],
): GammaGammaInput {
  const given = typeof options === "object" && options !== null ? options : {};
  // Object.fromEntries defines own properties: a "__proto__" key stays data (and is rejected).
  const isOwn = ([key]: [string, unknown]) => (OWN_KEYS as readonly string[]).includes(key);
  const entries = Object.entries(given);
  const shared = Object.fromEntries(entries.filter((entry) => !isOwn(entry)));
  const ownGiven = Object.fromEntries(entries.filter(isOwn));
  let ownError: InvalidInputError | undefined;
  let own: z.output<typeof ownSchema> = {};
  try {
    own = parseInput(fn, ownSchema, ownGiven, ["options"]);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    ownError = error;
  }
  const settings = {
    nonPositiveSpend: own.nonPositiveSpend ?? "exclude",
    constrainFiniteMean: own.constrainFiniteMean ?? false,
    firstTransaction: own.firstTransaction ?? "exclude",
  } as const;
  try {
    const { opts, data } = readFitInput(
      fn,
      options === undefined || options === given ? shared : options,
      names,
      () =>
        readSpendData(fn, customers, {
          firstTransaction: settings.firstTransaction,
          rejectNonPositive: settings.nonPositiveSpend === "error",
        }),
    );
    if (ownError) throw ownError;
    return { opts, own: settings, data };
  } catch (error) {
    if (!(error instanceof InvalidInputError) || !ownError || error === ownError) throw error;
    throw new InvalidInputError(fn, [...ownError.issues, ...error.issues]);
  }
}
