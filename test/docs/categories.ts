import ts from "typescript";

/**
 * The navigation categories of the API reference (typedoc `@category`), one per source domain
 * folder, in the order of `categoryOrder` in typedoc.json.
 */
export const CATEGORIES = [
  "Transactions",
  "Value",
  "Models",
  "Segmentation",
  "Satisfaction",
  "Churn",
  "Charts",
  "Core",
] as const;

/** One export of an entry point and the `@category` tags found on its declarations. */
export interface ExportCategory {
  /** The exported name. */
  readonly name: string;
  /** Every `@category` value, one per tag, over all declarations of the exported symbol. */
  readonly categories: readonly string[];
  /** The file of the first declaration (absolute path). */
  readonly file: string;
}

function categoriesOf(declaration: ts.Declaration): string[] {
  return ts
    .getJSDocTags(declaration)
    .filter((tag) => tag.tagName.text === "category")
    .map((tag) => ts.getTextOfJSDocComment(tag.comment)?.trim() ?? "");
}

/** Lists every export of `entryFile` (a root file of `program`) with its `@category` tags. */
export function exportCategories(program: ts.Program, entryFile: string): ExportCategory[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entryFile);
  if (source === undefined) throw new Error(`${entryFile} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${entryFile} is not a module`);
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const target =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = target.declarations ?? [];
    return {
      name: exported.name,
      categories: declarations.flatMap(categoriesOf),
      file: declarations[0]?.getSourceFile().fileName ?? "",
    };
  });
}

/** The exports that do not carry exactly one `@category` from {@link CATEGORIES}, as messages. */
export function categoryProblems(exports: readonly ExportCategory[]): string[] {
  const allowed: readonly string[] = CATEGORIES;
  return exports.flatMap(({ name, categories }) => {
    if (categories.length === 0) return [`${name}: no @category`];
    if (categories.length > 1) return [`${name}: ${categories.length} @category tags`];
    const [category = ""] = categories;
    return allowed.includes(category) ? [] : [`${name}: unknown @category "${category}"`];
  });
}

/** A program over in-memory files (path → text), for testing the checker itself. */
export function inMemoryProgram(files: Readonly<Record<string, string>>): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noLib: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = files[fileName];
    return text === undefined
      ? original(fileName, languageVersion, ...rest)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  host.fileExists = (fileName) => fileName in files;
  host.directoryExists = (directory) =>
    Object.keys(files).some((fileName) => fileName.startsWith(`${directory}/`));
  host.readFile = (fileName) => files[fileName];
  return ts.createProgram(Object.keys(files), options, host);
}
