/**
 * Every runtime export of the package has a TSDoc comment with an `@example` (CONVENTIONS §5);
 * test/docs/doc-examples.test.ts then runs those examples.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import * as api from "../../src/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const sources = sourceFiles(join(root, "src")).map((file) => readFileSync(file, "utf8"));

/** The doc comment right above the declaration of `name`, or undefined. */
function docOf(name: string): string | undefined {
  const declaration = new RegExp(
    `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export\\s+(?:declare\\s+)?(?:async\\s+)?(?:function\\*?|const|let|class)\\s+${name}\\b`,
  );
  for (const source of sources) {
    const match = declaration.exec(source);
    if (match) return match[1];
  }
  return undefined;
}

it.each(Object.keys(api).sort())("%s is documented with an @example", (name) => {
  const doc = docOf(name);
  expect(doc, `${name}: no doc comment found above its declaration`).toBeDefined();
  expect(doc, `${name}: no @example`).toMatch(/@example/);
});
