#!/usr/bin/env node
// `node scripts/house-limits.mjs [files…]`: the house limits of docs/conventions.md (Code layout)
// for domain code — lines of code per file (blank lines and comments not counted) and lines per
// exported function body — and module-level `let`s. Without arguments it checks every file under
// src/ outside the speed seam (src/internal/) and src/math/, prints what exceeds a limit and exits
// 1 if anything does. `--all` prints every file's figures.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const MAX_FILE_CODE_LINES = 250;
export const MAX_EXPORTED_BODY_LINES = 80;

const root = resolve(fileURLToPath(import.meta.url), "../..");

/**
 * Lines that hold code: lines touched by a token of the syntax tree (comments and blank lines are
 * trivia, not tokens; template literals are tokens however many lines they span).
 */
function codeLines(sourceFile) {
  const lines = new Set();
  const visit = (node) => {
    // Doc comments are parsed into JSDoc nodes; they are comments, not code.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode)
      return;
    const children = node.getChildren(sourceFile);
    if (children.length === 0) {
      if (node.kind === ts.SyntaxKind.EndOfFileToken) return;
      const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
      const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line;
      for (let line = start; line <= end; line++) lines.add(line);
      return;
    }
    for (const child of children) visit(child);
  };
  visit(sourceFile);
  return lines;
}

function isExported(node) {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0;
}

/** Exported functions (declarations and `export const f = (…) => …`) with their body's code lines. */
function exportedBodies(sourceFile, lines) {
  const found = [];
  const count = (body) => {
    const from = sourceFile.getLineAndCharacterOfPosition(body.getStart(sourceFile)).line;
    const to = sourceFile.getLineAndCharacterOfPosition(body.getEnd()).line;
    let n = 0;
    for (let line = from; line <= to; line++) if (lines.has(line)) n++;
    return n;
  };
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.body && isExported(statement)) {
      found.push({ name: statement.name?.text ?? "default", lines: count(statement.body) });
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          found.push({ name: declaration.name.getText(sourceFile), lines: count(init.body) });
        }
      }
    }
  }
  return found;
}

/** Module-level `let` declarations (mutable module state). */
function moduleLets(sourceFile) {
  const names = [];
  for (const statement of sourceFile.statements) {
    if (
      ts.isVariableStatement(statement) &&
      (statement.declarationList.flags & ts.NodeFlags.Let) !== 0
    ) {
      for (const d of statement.declarationList.declarations)
        names.push(d.name.getText(sourceFile));
    }
  }
  return names;
}

/** The figures of one file. */
export function measure(path) {
  const text = readFileSync(path, "utf8");
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lines = codeLines(sourceFile);
  return {
    path: relative(root, path),
    codeLines: lines.size,
    bodies: exportedBodies(sourceFile, lines),
    lets: moduleLets(sourceFile),
  };
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Domain files: src/ outside the speed seam (src/internal/), the numerics (src/math/) and src/index.ts. */
export function domainFiles() {
  // The export list (src/index.ts, one line per export) is not domain code either.
  return walk(join(root, "src")).filter(
    (path) =>
      !/[/\\]src[/\\](internal|math)[/\\]/.test(path) && !/[/\\]src[/\\]index\.ts$/.test(path),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const all = args.includes("--all");
  const files = args.filter((a) => a !== "--all").map((a) => resolve(a));
  let failed = 0;
  for (const path of files.length > 0 ? files : domainFiles()) {
    const m = measure(path);
    const problems = [];
    if (m.codeLines > MAX_FILE_CODE_LINES) problems.push(`${m.codeLines} lines of code`);
    for (const b of m.bodies)
      if (b.lines > MAX_EXPORTED_BODY_LINES) problems.push(`${b.name}() body ${b.lines} lines`);
    if (m.lets.length > 0) problems.push(`module-level let: ${m.lets.join(", ")}`);
    if (problems.length > 0) failed++;
    if (problems.length > 0 || all)
      console.log(
        `${m.path}: ${m.codeLines} code lines${problems.length ? ` — ${problems.join("; ")}` : ""}`,
      );
  }
  process.exit(failed > 0 ? 1 : 0);
}
