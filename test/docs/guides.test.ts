/**
 * Runs every ```ts code block of the hand-written guides (docs/*.md) and of README.md, so the docs
 * cannot rot. Blocks run in order, each as its own module; `// =>` claims are checked as in the
 * TSDoc examples. Imports from "./examples/…" and "./test/fixtures/…" (the peers' datasets the
 * migration guide reproduces) resolve from the repository root. A block fenced as ```ts no-run is
 * shown but not executed (use it only for code that needs the user's own data source).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = join(root, "test/.generated/guides");

interface Block {
  file: string;
  line: number;
  code: string;
}

function blocks(file: string): Block[] {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const found: Block[] = [];
  let current: string[] | undefined;
  let start = 0;
  lines.forEach((line, index) => {
    if (current === undefined && /^```(ts|typescript)\s*$/.test(line)) {
      current = [];
      start = index + 2;
    } else if (current !== undefined && /^```\s*$/.test(line)) {
      found.push({ file, line: start, code: current.join("\n") });
      current = undefined;
    } else if (current !== undefined) {
      current.push(line);
    }
  });
  return found;
}

function toModule(block: Block): string {
  const body = block.code
    .split("\n")
    .map((line, i) => {
      const claim = /^(\s*)(.+?);?\s*\/\/ => (.+)$/.exec(line);
      if (!claim) return line;
      const [, indent, expression, expected] = claim;
      return `${indent}__check(() => (${expression}), ${JSON.stringify(expected)}, (${expected}), ${JSON.stringify(`${block.file}:${block.line + i}`)});`;
    })
    .join("\n")
    .replaceAll(/from "customer-value"/g, `from ${JSON.stringify(join(root, "src/index.js"))}`)
    .replaceAll(
      /from "customer-value\/charts"/g,
      `from ${JSON.stringify(join(root, "src/charts/index.js"))}`,
    )
    .replaceAll(/from "\.\/examples\//g, `from "${join(root, "examples")}/`)
    .replaceAll(/from "\.\/test\/fixtures\//g, `from "${join(root, "test/fixtures")}/`);
  return `import { __check } from ${JSON.stringify(join(root, "test/docs/check.js"))};\n${body}\n`;
}

const files = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

describe("guides' code blocks run", () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const all = files.flatMap(blocks);
  it("the guides have code to run", () => {
    expect(all.length).toBeGreaterThan(0);
  });
  all.forEach((block, index) => {
    it(`${block.file}:${block.line}`, async () => {
      const path = join(outDir, `block-${index}.ts`);
      writeFileSync(path, toModule(block));
      await import(path);
    });
  });
});
