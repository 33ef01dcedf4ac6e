/**
 * The budget selection of `prioritizeRecovery`: a 0/1 knapsack over whole cents, solved exactly by
 * dynamic programming when it is small enough, otherwise by the greedy value-per-cost rule with the
 * best-single-item fix (at least half the optimum; Martello, S. & Toth, P. (1990). Knapsack
 * Problems, ch. 2).
 * @internal
 * @module
 */
import { type Decimal, Money } from "../core/money.js";
import {
  cachedEstimate,
  centsRoundedUp,
  type EstimateCache,
  exactSum,
} from "../internal/fast/fastMoney.js";
import { sortIndicesByKey } from "../internal/fast/radixOrder.js";
import type { Scratch } from "../internal/fast/scratch.js";

/**
 * How the budget selection was made and how good it is guaranteed to be.
 * @category Churn
 */
export interface BudgetSelection {
  /** The budget. */
  readonly budget: Decimal;
  /** `"exact"`: dynamic programme over cents, optimal; `"greedy"`: value-per-cost with the best-single-item fix, ≥ ½ optimum. */
  readonly method: "exact" | "greedy";
  /** Guaranteed fraction of the optimum: 1 for exact, 0.5 for greedy. */
  readonly guarantee: number;
  /** Total cost of the selected customers (≤ budget). */
  readonly spend: Decimal;
  /** Total expected net value of the selected customers. */
  readonly expectedNetValue: Decimal;
  /** An upper bound on the optimum: the optimum itself for exact, the fractional (LP) relaxation for greedy. */
  readonly upperBound: Decimal;
}

/** Default of `options.maxExactCells`. */
const DEFAULT_MAX_EXACT_CELLS = 20_000_000;

/** The knapsack: the candidates that fit alone (positions in the input) and their costs in cents. */
interface Knapsack {
  readonly items: Uint32Array;
  readonly cents: Float64Array;
  readonly capacity: number;
  /** Expected net value of every input row (indexed by input position, not item). */
  readonly net: Float64Array;
}

/**
 * Marks in `selected` (input positions, all 0 on entry) the candidates (`candidate[i] === 1`) that
 * maximise the total expected net value `net` within `budget`, their costs rounded up to whole
 * cents, and summarises the selection. Ties are broken by input order.
 * @internal
 */
export function selectWithinBudget(
  scratch: Scratch,
  budget: Decimal,
  costs: readonly Decimal[],
  costFloat: Float64Array,
  net: Float64Array,
  netCache: EstimateCache,
  candidate: Uint8Array,
  selected: Uint8Array,
  maxExactCells: number | undefined,
): BudgetSelection {
  const knapsack = fittingCandidates(scratch, budget, costs, costFloat, net, candidate);
  const cells = knapsack.items.length * (knapsack.capacity + 1);
  const exact = cells <= (maxExactCells ?? DEFAULT_MAX_EXACT_CELLS);
  const upper = exact
    ? selectExactly(knapsack, selected)
    : selectGreedily(scratch, knapsack, selected);
  const chosenCosts: Decimal[] = [];
  const chosenNets: Decimal[] = [];
  const { items } = knapsack;
  for (let k = 0; k < items.length; k++) {
    const i = items[k]!;
    if (selected[i] !== 1) continue;
    chosenCosts.push(costs[i]!);
    chosenNets.push(cachedEstimate(netCache, net[i]!));
  }
  const expectedNetValue = exactSum(chosenNets);
  const bound = new Money(upper);
  return {
    budget,
    method: exact ? "exact" : "greedy",
    guarantee: exact ? 1 : 0.5,
    spend: exactSum(chosenCosts),
    expectedNetValue,
    upperBound: exact || bound.lessThan(expectedNetValue) ? expectedNetValue : bound,
  };
}

/** The candidates whose cost alone fits the budget, in input order, with their costs in cents. */
function fittingCandidates(
  scratch: Scratch,
  budget: Decimal,
  costs: readonly Decimal[],
  costFloat: Float64Array,
  net: Float64Array,
  candidate: Uint8Array,
): Knapsack {
  const capacity = budget.times(100).floor().toNumber();
  const n = candidate.length;
  const items = scratch.uint32("recovery.items", n);
  const cents = scratch.float64("recovery.weight", n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (candidate[i] !== 1) continue;
    const c = centsRoundedUp(costs[i]!, costFloat[i]!);
    if (c > capacity) continue;
    items[m] = i;
    cents[m] = c;
    m++;
  }
  return { items: items.subarray(0, m), cents: cents.subarray(0, m), capacity, net };
}

/**
 * Selects the optimum by dynamic programming over cents (items × (capacity + 1) cells); returns its
 * value, which is also the upper bound.
 */
function selectExactly({ items, cents, capacity: W, net }: Knapsack, selected: Uint8Array): number {
  const m = items.length;
  const best = new Float64Array(W + 1);
  const take = new Uint8Array(m * (W + 1));
  for (let k = 0; k < m; k++) {
    const w = cents[k]!;
    const v = net[items[k]!]!;
    const row = k * (W + 1);
    for (let c = W; c >= w; c--) {
      const withItem = best[c - w]! + v;
      if (withItem > best[c]!) {
        best[c] = withItem;
        take[row + c] = 1;
      }
    }
  }
  let total = 0;
  let c = W;
  for (let k = m - 1; k >= 0; k--) {
    if (take[k * (W + 1) + c] === 1) {
      selected[items[k]!] = 1;
      total += net[items[k]!]!;
      c -= cents[k]!;
    }
  }
  return total;
}

/**
 * The greedy rule: items by value per cent, descending (zero-cost first; ties by input order), each
 * taken when it still fits; the best single item instead when it is worth more. The upper bound is
 * the fractional (LP) relaxation, which fills the rest of the budget with the first item that did
 * not fit. Returns that bound.
 */
function selectGreedily(
  scratch: Scratch,
  { items, cents, capacity, net }: Knapsack,
  selected: Uint8Array,
): number {
  const m = items.length;
  const ratio = scratch.float64("recovery.ratio", m);
  for (let k = 0; k < m; k++) {
    const w = cents[k]!;
    ratio[k] = w === 0 ? Number.POSITIVE_INFINITY : net[items[k]!]! / w;
  }
  const identity = scratch.uint32("recovery.identity", m);
  for (let k = 0; k < m; k++) identity[k] = k;
  const order = sortIndicesByKey(ratio, identity, scratch, "recovery.greedy", true);
  let room = capacity;
  let greedyValue = 0;
  let lp = Number.NaN;
  const chosen = scratch.uint8("recovery.chosen", m).fill(0);
  for (let j = 0; j < m; j++) {
    const k = order[j]!;
    const w = cents[k]!;
    const v = net[items[k]!]!;
    if (w <= room) {
      room -= w;
      greedyValue += v;
      chosen[k] = 1;
    } else if (Number.isNaN(lp)) {
      lp = greedyValue + (v * room) / w; // the critical item, taken fractionally
    }
  }
  let bestSingle = -1;
  for (let k = 0; k < m; k++) {
    if (bestSingle < 0 || net[items[k]!]! > net[items[bestSingle]!]!) bestSingle = k;
  }
  let total: number;
  if (bestSingle >= 0 && net[items[bestSingle]!]! > greedyValue) {
    selected[items[bestSingle]!] = 1;
    total = net[items[bestSingle]!]!;
  } else {
    for (let k = 0; k < m; k++) if (chosen[k] === 1) selected[items[k]!] = 1;
    total = greedyValue;
  }
  return Number.isNaN(lp) ? greedyValue : Math.max(lp, total);
}
