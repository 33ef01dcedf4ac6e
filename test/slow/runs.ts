/**
 * Number of fast-check runs for a property that has a long run in the slow suite: `full` under
 * `npm run test:slow` (`VITEST_SLOW=1`), a tenth of it (at least 200) under `npm test`. A test file
 * that uses it is listed in `vitest.config.ts`'s slow `include` too, so CI runs it both ways.
 */
export function runs(full: number): number {
  return process.env.VITEST_SLOW === "1" ? full : Math.max(200, Math.round(full / 10));
}
