import { defineConfig } from "vitest/config";

// `npm test` runs the fast suite; it must finish in under 90 s on two cores. The slow suite
// (`npm run test:slow`, CI runs both) holds what takes longer:
// - `test/slow/`: long property runs, fuzzing and the hostile-input sweep in two time zones;
// - `test/examples/`: the runnable examples, each run as its own process;
// - files whose properties take their run count from `test/slow/runs.ts`: a tenth of the runs in
//   the fast suite, all of them in the slow one.
//
// Type tests (`*.test-d.ts`) run with a plain `vitest run`; `npm test` turns them off
// (`--typecheck.enabled=false`) because its `tsc --noEmit` has already checked them (tsconfig
// includes test/), and checking the project twice would cost a second full tsc run.
const slow = process.env.VITEST_SLOW === "1";
const withLongRuns = ["test/internal/fast/fastMoney.test.ts", "test/core/civilCalendar.test.ts"];

export default defineConfig({
  test: {
    include: slow
      ? ["test/slow/**/*.test.ts", "test/examples/**/*.test.ts", ...withLongRuns]
      : ["test/**/*.test.ts"],
    exclude: slow ? ["node_modules/**"] : ["node_modules/**", "test/slow/**", "test/examples/**"],
    typecheck: { enabled: !slow, include: ["test/**/*.test-d.ts"] },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
