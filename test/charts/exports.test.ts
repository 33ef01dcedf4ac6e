/**
 * The public API of `customer-value/charts` is deliberate (a snapshot of its runtime exports), and
 * every export is documented with an `@example` (run by test/docs/doc-examples.test.ts) and the
 * `@category Charts` tag; the subpath has no runtime import but the error class.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import * as charts from "../../src/charts/index.js";

const dir = join(resolve(dirname(fileURLToPath(import.meta.url)), "../.."), "src/charts");
const sources = readdirSync(dir).map((name) => readFileSync(join(dir, name), "utf8"));

it("customer-value/charts exports exactly this list", () => {
  expect(Object.keys(charts).sort()).toMatchSnapshot();
});

it.each(Object.keys(charts).sort())("%s has an @example and @category Charts", (name) => {
  const declaration = new RegExp(
    `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export\\s+(?:function|const)\\s+${name}\\b`,
  );
  const doc = sources.map((s) => declaration.exec(s)?.[1]).find((d) => d !== undefined);
  expect(doc, `${name}: no doc comment`).toBeDefined();
  expect(doc).toMatch(/@example/);
  expect(doc).toMatch(/@category Charts/);
  expect(doc).toMatch(/@see /);
});

it("src/charts imports nothing at runtime but ../core/errors.js (the error class)", () => {
  const runtimeImports = sources
    .flatMap((s) => [...s.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)])
    .map((m) => m[1])
    .filter((path) => !path?.startsWith("./"));
  expect([...new Set(runtimeImports)]).toEqual(["../core/errors.js"]);
});
