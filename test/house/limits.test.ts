/**
 * The house limits of docs/conventions.md (Code layout), measured by scripts/house-limits.mjs:
 * domain files (src/ outside the speed seam src/internal/ and the numerics src/math/) stay short
 * and their exported functions readable; no module-level mutable state holds a result; every zod
 * schema is built with the tree-shakeable `zod/mini`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

interface Measured {
  readonly path: string;
  readonly codeLines: number;
  readonly bodies: readonly { readonly name: string; readonly lines: number }[];
  readonly lets: readonly string[];
}

interface HouseLimits {
  readonly MAX_FILE_CODE_LINES: number;
  readonly MAX_EXPORTED_BODY_LINES: number;
  measure(path: string): Measured;
  domainFiles(): string[];
}

const root = fileURLToPath(new URL("../..", import.meta.url));
// A computed specifier: the script is plain JavaScript without type declarations.
const script = new URL("../../scripts/house-limits.mjs", import.meta.url).href;
const limits = (await import(script)) as HouseLimits;

/** Every TypeScript file under src/. */
function sourceFiles(): string[] {
  return readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(root, "src", name));
}

describe("house limits (scripts/house-limits.mjs)", () => {
  it("measures something: the domain files are found and counted", () => {
    const files = limits.domainFiles();
    expect(files.length).toBeGreaterThan(20);
    // src/index.ts is the public export list (one name per line, grouped by domain): its length is
    // the size of the API, not of any definition.
    expect(files.some((path) => path.endsWith(join("src", "index.ts")))).toBe(false);
    expect(files.some((path) => /[/\\]src[/\\](internal|math)[/\\]/.test(path))).toBe(false);
  });

  it(`no domain file has more than ${limits.MAX_FILE_CODE_LINES} lines of code`, () => {
    const over = limits
      .domainFiles()
      .map((path) => limits.measure(path))
      .filter((m) => m.codeLines > limits.MAX_FILE_CODE_LINES)
      .map((m) => `${m.path}: ${m.codeLines}`);
    expect(over).toEqual([]);
  });

  it(`no exported function of a domain file has a body over ${limits.MAX_EXPORTED_BODY_LINES} lines`, () => {
    const over = limits
      .domainFiles()
      .map((path) => limits.measure(path))
      .flatMap((m) =>
        m.bodies
          .filter((b) => b.lines > limits.MAX_EXPORTED_BODY_LINES)
          .map((b) => `${m.path} ${b.name}(): ${b.lines}`),
      );
    expect(over).toEqual([]);
  });

  it("no module-level let anywhere in src/ (results are returned or written to the caller's arrays)", () => {
    const lets = sourceFiles()
      .map((path) => limits.measure(path))
      .flatMap((m) => m.lets.map((name) => `${m.path}: ${name}`));
    expect(lets).toEqual([]);
  });
});

describe("the measuring itself", () => {
  it("counts code, not comments or blank lines; finds long bodies and module-level lets", () => {
    const dir = mkdtempSync(join(tmpdir(), "house-limits-"));
    const path = join(dir, "sample.ts");
    const body = Array.from({ length: 90 }, (_, i) => `  total += ${i}; // line ${i}`).join("\n");
    writeFileSync(
      path,
      [
        "/**",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample source holds a template
        " * A doc comment with `${backticks}` that is not code.",
        " */",
        "let register = 0;",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample source holds a template
        "const label = `a ${register} template`;",
        "",
        "// a line comment",
        "export function long(): number {",
        "  let total = 0;",
        body,
        "  return total + label.length;",
        "}",
      ].join("\n"),
    );
    try {
      const m = limits.measure(path);
      expect(m.codeLines).toBe(2 + 1 + 90 + 3);
      // From the line of the opening brace to the closing one.
      expect(m.bodies).toEqual([{ name: "long", lines: 94 }]);
      expect(m.lets).toEqual(["register"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("zod/mini only", () => {
  it('no file in src/ imports classic "zod" (only "zod/mini", "zod/locales", …)', () => {
    const classic = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']zod["']/;
    const offenders = sourceFiles()
      .filter((path) => classic.test(readFileSync(path, "utf8")))
      .map((path) => relative(root, path));
    expect(offenders).toEqual([]);
  });

  it("the check finds a classic import when there is one", () => {
    const classic = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']zod["']/;
    expect(classic.test('import { z } from "zod";')).toBe(true);
    expect(classic.test('import * as z from "zod/mini";')).toBe(false);
  });
});
