import { defineConfig } from "vitest/config";

// `npm test` runs the fast suite. Long property runs, fuzzing and the hostile-input sweep live in
// `test/slow/` and run with `npm run test:slow` (CI runs both).
const slow = process.env.VITEST_SLOW === "1";

export default defineConfig({
  test: {
    include: slow ? ["test/slow/**/*.test.ts"] : ["test/**/*.test.ts"],
    exclude: slow ? ["node_modules/**"] : ["node_modules/**", "test/slow/**"],
    typecheck: { enabled: !slow, include: ["test/**/*.test-d.ts"] },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
