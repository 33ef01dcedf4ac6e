/**
 * The options schema of `prioritizeRecovery` (checked against its options interface there), and
 * the settings the candidates' reading derives missing figures with.
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { type MoneyInput, moneyProblem, toMoney } from "../core/money.js";

const probability = z.number().check(z.minimum(0), z.maximum(1));
const moneyField = z.custom<MoneyInput>((v) => moneyProblem(v) === undefined, {
  error: (issue) => moneyProblem(issue.input) ?? "Invalid amount",
  params: { code: "invalid_money" },
});
const nonNegativeMoney = moneyField.check(
  z.refine((v) => !toMoney(v).isNegative(), {
    error: "Expected a non-negative amount",
    params: { code: "too_small" },
  }),
);

/** Schema of `prioritizeRecovery`'s options (checked against its options interface there). @internal */
export const recoveryOptionsSchema = z.strictObject({
  budget: z.exactOptional(nonNegativeMoney),
  keyValue: z.exactOptional(moneyField),
  smallValue: z.exactOptional(moneyField),
  smallCostLimit: z.exactOptional(nonNegativeMoney),
  baseWinBackProbability: z.exactOptional(
    z.strictObject({
      own: z.exactOptional(probability),
      "third-party": z.exactOptional(probability),
      uncontrollable: z.exactOptional(probability),
      unknown: z.exactOptional(probability),
    }),
  ),
  aliveThreshold: z.exactOptional(probability),
  halfLifeDays: z.exactOptional(z.number().check(z.positive())),
  secondLifetimeShare: z.exactOptional(z.number().check(z.nonnegative())),
  maxExactCells: z.exactOptional(z.int().check(z.positive())),
});

/** The validated options. @internal */
export type RecoveryOptions = z.output<typeof recoveryOptionsSchema>;

/** How the win-back probability and the second lifetime value are derived when not given. @internal */
export interface DerivationSettings {
  /** Base win-back probability per cause code. */
  readonly baseByCause: readonly number[];
  /** Days after which the derived win-back probability has halved. */
  readonly halfLifeDays: number;
  /** Second lifetime value as a share of `value`. */
  readonly secondLifetimeShare: number;
}
