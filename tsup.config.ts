import { defineConfig, type Options } from "tsup";

// `customer-value/charts` (src/charts/) has no runtime import but the error class. Its bundled files
// take `InvalidInputError` from the package's main entry (a self-reference through "exports"), so a
// chart's error is `instanceof` the class users import from "customer-value" in Node, in ESM and
// CommonJS alike, and dist/index.* stay exactly as they were (no shared chunk). dist/modules/
// imports ../core/errors.js as every other module does, so a bundler keeps one copy.
const errorsFromMainEntry: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "errors-from-main-entry",
  setup(build) {
    build.onResolve({ filter: /\/core\/errors\.js$/ }, (args) =>
      args.importer.includes("/src/charts/")
        ? { path: "customer-value", external: true }
        : undefined,
    );
  },
};

// One dist/, two ESM layouts (see docs/bundle.md):
// - dist/index.js and dist/index.cjs: one bundled file each, with the declarations rolled up into
//   dist/index.d.ts / dist/index.d.cts. Node loads these (one file loads faster than ninety).
//   They carry the parts of zod/mini the library uses, tree-shaken, instead of requiring the
//   `zod` package: Node has no tree-shaking, and `require("zod/mini")` alone costs ~55–65 ms of
//   CPU per process (all of zod's core), against ~35 ms for this whole file. Whitespace and syntax
//   are minified (less to parse at start-up); identifiers are kept, so stack traces stay readable.
// - dist/modules/: one ESM file per source module, for bundlers (package.json's "module" export
//   condition, which bundlers honour and Node ignores). With `"sideEffects": false` a bundler drops
//   every module an app does not import; from a single file it would keep every module-level
//   statement (each zod schema is one), so `netPromoterScore` alone would carry the whole library.
//   These import `zod/mini` from the `zod` dependency, so an app that uses zod itself bundles one
//   copy of it.
export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
    treeshake: true,
    noExternal: ["zod"],
    banner: {
      js: "/*! customer-value. Includes parts of zod (MIT License, Copyright (c) 2025 Colin McDonnell): see THIRD-PARTY-NOTICES.md */",
    },
    minifyWhitespace: true,
    minifySyntax: true,
  },
  {
    entry: { charts: "src/charts/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
    treeshake: true,
    esbuildPlugins: [errorsFromMainEntry],
    minifyWhitespace: true,
    minifySyntax: true,
  },
  {
    entry: ["src/**/*.ts"],
    outDir: "dist/modules",
    format: ["esm"],
    bundle: false,
    clean: false,
    target: "node20",
  },
]);
