// TEMPORARY STUB (not committed).
import type { ParetoNbdParams } from "../types.js";

const no = (): number => {
  throw new Error("stub");
};
export const paretoNbdProbabilityAlive = (
  _q: ParetoNbdParams,
  _x: number,
  _tx: number,
  _T: number,
): number => no();
export const paretoNbdExpectedPurchases = (_q: ParetoNbdParams, _t: number): number => no();
export const paretoNbdConditionalExpectedPurchases = (
  _q: ParetoNbdParams,
  _x: number,
  _tx: number,
  _T: number,
  _t: number,
): number => no();
export const paretoNbdPurchaseCountProbability = (
  _q: ParetoNbdParams,
  _n: number,
  _t: number,
): number => no();
export const paretoNbdDert = (
  _q: ParetoNbdParams,
  _x: number,
  _tx: number,
  _T: number,
  _d: number,
): number => no();
