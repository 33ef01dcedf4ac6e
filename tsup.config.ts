import { defineConfig } from "tsup";

// Two builds, one dist/:
// - ESM keeps one output file per source module (`bundle: false`), so that a bundler drops every
//   module an app does not import (package.json says `"sideEffects": false`). A single bundled
//   file would keep every module-level statement of every function (each zod schema is one), so
//   importing `netPromoterScore` alone would carry the whole library. See docs/bundle.md.
// - CommonJS stays one bundled file (require() cannot be tree-shaken), with the declarations
//   rolled up into dist/index.d.ts and dist/index.d.cts.
export default defineConfig([
  {
    entry: ["src/**/*.ts"],
    format: ["esm"],
    bundle: false,
    sourcemap: true,
    clean: false,
    target: "node20",
  },
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: { only: true },
    clean: false,
    target: "node20",
  },
  {
    entry: ["src/index.ts"],
    format: ["cjs"],
    sourcemap: true,
    clean: false,
    target: "node20",
    treeshake: true,
  },
]);
