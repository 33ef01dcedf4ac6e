/**
 * Runs every `@example` in the TSDoc comments of `src/` and checks each `// =>` claim.
 *
 * Rules for writing examples (CONVENTIONS §5):
 * - an example is a fenced ```ts block inside a TSDoc comment, importing from "customer-value"
 *   (or "customer-value/charts");
 * - a line `expression; // => expected` claims that `expression` evaluates to `expected`
 *   (a JavaScript literal). Numbers are compared to the digits printed (`// => 266.67` accepts
 *   266.666…); everything else with deep equality.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = join(root, "test/.generated/doc-examples");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Example {
  file: string;
  line: number;
  code: string;
}

function extractExamples(file: string): Example[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const examples: Example[] = [];
  let inExample = false;
  let inFence = false;
  let buffer: string[] = [];
  let start = 0;
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\s*\* ?/, "");
    if (/^\s*\*\s*@example/.test(raw)) {
      inExample = true;
      return;
    }
    if (!inExample) return;
    if (/^\s*\*\s*@\w+/.test(raw) || /\*\//.test(raw)) {
      if (!inFence) inExample = false;
    }
    if (line.trim().startsWith("```")) {
      if (inFence) {
        examples.push({ file, line: start, code: buffer.join("\n") });
        buffer = [];
        inFence = false;
        inExample = false;
      } else {
        inFence = true;
        start = index + 2;
      }
      return;
    }
    if (inFence) buffer.push(line);
  });
  return examples;
}

function toModule(example: Example, position: string): string {
  const body = example.code
    .split("\n")
    .map((line, i) => {
      const claim = /^(\s*)(.+?);?\s*\/\/ => (.+)$/.exec(line);
      if (!claim) return line;
      const [, indent, expression, expected] = claim;
      return `${indent}__check(() => (${expression}), ${JSON.stringify(expected)}, (${expected}), ${JSON.stringify(`${position}:${example.line + i}`)});`;
    })
    .join("\n")
    .replaceAll(/from "customer-value"/g, `from ${JSON.stringify(join(root, "src/index.js"))}`)
    .replaceAll(
      /from "customer-value\/charts"/g,
      `from ${JSON.stringify(join(root, "src/charts/index.js"))}`,
    );
  return `import { __check } from ${JSON.stringify(join(root, "test/docs/check.js"))};\n${body}\n`;
}

const files = sourceFiles(join(root, "src"));
const all = files.flatMap(extractExamples);

describe("TSDoc @example blocks", () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  it("there are examples to check", () => {
    expect(all.length).toBeGreaterThan(0);
  });
  all.forEach((example, index) => {
    const position = relative(root, example.file);
    it(`${position}:${example.line}`, async () => {
      const path = join(outDir, `example-${index}.ts`);
      writeFileSync(path, toModule(example, position));
      await import(path);
    });
  });
});
