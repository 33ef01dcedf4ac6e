import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CATEGORIES, categoryProblems, exportCategories, inMemoryProgram } from "./categories.js";

// Issue 21: the API reference navigation is grouped by `@category`, so every public export of both
// entry points (`customer-value` and `customer-value/charts`) must carry exactly one of the domain
// categories; an export without one would land in typedoc's default category (the guides).

const root = resolve(import.meta.dirname, "../..");
const entryPoints = ["src/index.ts", "src/charts/index.ts"].map((file) => resolve(root, file));

function projectProgram(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(root, "tsconfig.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (config === undefined) throw new Error("tsconfig.json could not be read");
  return ts.createProgram(entryPoints, config.options);
}

describe("API reference categories", () => {
  const program = projectProgram();
  const [main, charts] = entryPoints.map((entry) => exportCategories(program, entry));

  it("every export of customer-value has exactly one known @category", () => {
    expect(main!.length).toBeGreaterThan(300);
    expect(categoryProblems(main!)).toEqual([]);
  });

  it("every export of customer-value/charts is in Charts", () => {
    expect(charts!.length).toBeGreaterThan(20);
    expect(charts!.filter(({ categories }) => categories.join() !== "Charts")).toEqual([]);
  });

  it("an export's category is its source folder's domain", () => {
    const misplaced = [...main!, ...charts!].flatMap(({ name, categories, file }) => {
      const folder = file.slice(resolve(root, "src").length + 1).split("/")[0] ?? "";
      const domain = folder.charAt(0).toUpperCase() + folder.slice(1);
      return categories.join() === domain ? [] : [`${name}: ${categories.join()} in src/${folder}`];
    });
    expect(misplaced).toEqual([]);
  });

  it("typedoc.json orders exactly these categories and documents both entry points", () => {
    const config = JSON.parse(readFileSync(resolve(root, "typedoc.json"), "utf8"));
    expect(config.entryPoints).toEqual(["src/index.ts", "src/charts/index.ts"]);
    expect(config.categoryOrder).toEqual([...CATEGORIES, "*"]);
    expect(config.navigation.includeCategories).toBe(true);
  });
});

describe("the category checker", () => {
  const files = {
    "/m/index.ts": 'export { a, B, c } from "./a.js";\nexport type { D, E } from "./a.js";\n',
    "/m/a.ts": [
      "/**\n * Fine.\n * @category Value\n */\nexport function a(): number {\n  return 1;\n}",
      "/** No tag at all. */\nexport class B {}",
      "/**\n * A const with an unknown category.\n * @category Misc\n */\nexport const c = 1;",
      "/**\n * Two tags.\n * @category Value\n * @category Core\n */\nexport interface D {}",
      "/**\n * A type alias.\n * @category Churn\n */\nexport type E = string;",
    ].join("\n\n"),
  };
  const program = inMemoryProgram(files);
  const found = exportCategories(program, "/m/index.ts");

  it("lists every export of the entry with its tags, through re-exports", () => {
    expect(found.map(({ name, categories }) => [name, categories])).toEqual([
      ["a", ["Value"]],
      ["B", []],
      ["c", ["Misc"]],
      ["D", ["Value", "Core"]],
      ["E", ["Churn"]],
    ]);
  });

  it("fails on a missing, an unknown and a repeated @category", () => {
    expect(categoryProblems(found)).toEqual([
      "B: no @category",
      'c: unknown @category "Misc"',
      "D: 2 @category tags",
    ]);
  });
});

describe("guides in the API reference", () => {
  const config = JSON.parse(readFileSync(resolve(root, "typedoc.json"), "utf8"));
  const guides = readdirSync(resolve(root, "docs")).filter((file) => file.endsWith(".md"));

  // projectDocuments lists the guides in reading order (typedoc keeps that order in the sidebar),
  // so a new guide must be added there by hand; this catches one that was not.
  it("typedoc.json lists every guide once", () => {
    const listed: string[] = config.projectDocuments;
    expect([...listed].sort()).toEqual(guides.map((file) => `docs/${file}`).sort());
  });

  // Without a front-matter title, typedoc names a guide after its file ("churn-recovery").
  it("every guide has a front-matter title for the sidebar", () => {
    const untitled = guides.filter((file) => {
      const text = readFileSync(resolve(root, "docs", file), "utf8");
      return !/^---\n(?:(?!---\n).*\n)*?title: \S.*\n/.test(text);
    });
    expect(untitled).toEqual([]);
  });
});
