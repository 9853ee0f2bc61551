/**
 * The runtime prelude, extracted for inlining: the top-level declarations of the files of
 * `runtime/prelude/` (those the module uses), file by file in the order of PRELUDE_FILES and in file
 * order within each, with `export` removed except on the types a generated module re-exports and the
 * imports between prelude files dropped. Generated modules and the reference interpreter thus share
 * one definition of validation wording, context sanitising and decision assembly.
 *
 * INVARIANT: the prelude imports nothing but its own files (checked here: any other import is a
 * codegen error, since the generated module must import nothing).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Node, Project, SyntaxKind, type Statement } from "ts-morph";
import { packageRoot } from "../package-root.ts";

/** Prelude types that generated modules export (the public types and every type they mention). */
export const EXPORTED_PRELUDE_TYPES: ReadonlySet<string> = new Set([
  "Action",
  "Urgency",
  "JsonValue",
  "Context",
  "Problem",
  "Brief",
  "Decision",
  "Validation",
]);

export interface PreludeDeclaration {
  /** The declaration as TypeScript text, with its own doc comment. */
  readonly text: string;
  /** The top-level names it declares. */
  readonly declares: readonly string[];
  /** Every identifier it mentions (a superset of the top-level names it depends on). */
  readonly mentions: ReadonlySet<string>;
}

export interface Prelude {
  /** Every declaration, in file order. */
  readonly declarations: readonly PreludeDeclaration[];
  /** Every top-level name the prelude declares (generated names must not clash with these). */
  readonly names: ReadonlySet<string>;
}

/**
 * The files of `runtime/prelude/` that are inlined, in the order their declarations are emitted.
 * Bottom-up: each file imports only files listed before it (the order a reader meets them in, and
 * the order in which a module-level constant can only use constants already initialised).
 * `index.ts` only re-exports, for the interpreter and hosts; it is not inlined.
 */
export const PRELUDE_FILES: readonly string[] = [
  "types.ts",
  "own.ts",
  "time.ts",
  "json.ts",
  "validation.ts",
  "context.ts",
  "assembly.ts",
];

/** The prelude's TypeScript, shipped in the package as it is in the repository (see package.json `files`). */
const preludeFile = (name: string): string => join(packageRoot(), "runtime", "prelude", name);

let cached: { sources: readonly string[]; prelude: Prelude } | undefined;

/** The prelude of `runtime/prelude/` as it is on disk now (re-extracted when a file changes). */
export function loadPrelude(): Prelude {
  const sources = PRELUDE_FILES.map((name) => readFileSync(preludeFile(name), "utf8"));
  if (cached === undefined || cached.sources.some((source, i) => source !== sources[i])) {
    cached = { sources, prelude: joinPreludes(sources.map((source, i) => extractPrelude(source, PRELUDE_FILES[i]))) };
  }
  return cached.prelude;
}

/** The preludes of several files as one, in the order given. */
function joinPreludes(parts: readonly Prelude[]): Prelude {
  return {
    declarations: parts.flatMap((part) => part.declarations),
    names: new Set(parts.flatMap((part) => [...part.names])),
  };
}

/** Whether `specifier` names a prelude file from inside `runtime/prelude/` (`./types.ts`…). */
function isPreludeFile(specifier: string): boolean {
  return specifier.startsWith("./") && PRELUDE_FILES.includes(specifier.slice(2));
}

/**
 * Extracts the declarations from the source text of one prelude file (`fileName`, for messages).
 * Imports of other prelude files are dropped (their declarations are inlined too); any other
 * import, and any re-export, is an error.
 */
export function extractPrelude(source: string, fileName = "prelude.ts"): Prelude {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const file = project.createSourceFile(fileName, source);
  const names = new Set<string>();
  const declarations: PreludeDeclaration[] = [];
  for (const statement of file.getStatements()) {
    if (Node.isImportDeclaration(statement) && isPreludeFile(statement.getModuleSpecifierValue())) continue;
    if (Node.isImportDeclaration(statement) || Node.isExportDeclaration(statement) || Node.isExportAssignment(statement)) {
      throw new Error(`runtime/prelude/${fileName} must not import from outside runtime/prelude/ or re-export: ${statement.getText()}`);
    }
    const declared = declaredNames(statement);
    for (const name of declared) names.add(name);
    if (Node.isExportable(statement) && statement.isExported()) {
      const keep = declared.length > 0 && declared.every((name) => EXPORTED_PRELUDE_TYPES.has(name)) && isTypeOnly(statement);
      if (!keep) statement.setIsExported(false);
    }
    const mentions = new Set(statement.getDescendantsOfKind(SyntaxKind.Identifier).map((id) => id.getText()));
    declarations.push({ text: ownDocs(statement) + statement.getText(false), declares: declared, mentions });
  }
  return { declarations, names };
}

/**
 * The text of the declarations that code mentioning `roots` needs: the exported types, every
 * declaration named in `roots`, and, transitively, what those mention. Unused ones are left out, so
 * the module compiles under `noUnusedLocals` too. Over-approximates (any identifier or word with a
 * declaration's name counts), never under.
 */
export function preludeText(prelude: Prelude, roots: Iterable<string>): string {
  const wanted = new Set<string>(EXPORTED_PRELUDE_TYPES);
  const queue = [...roots, ...EXPORTED_PRELUDE_TYPES];
  const byName = new Map<string, PreludeDeclaration>();
  for (const declaration of prelude.declarations) for (const name of declaration.declares) byName.set(name, declaration);
  const kept = new Set<PreludeDeclaration>();
  while (queue.length > 0) {
    const declaration = byName.get(queue.pop()!);
    if (declaration === undefined || kept.has(declaration)) continue;
    kept.add(declaration);
    for (const name of declaration.mentions) if (!wanted.has(name) && byName.has(name)) (wanted.add(name), queue.push(name));
  }
  return prelude.declarations
    .filter((declaration) => kept.has(declaration))
    .map((declaration) => declaration.text)
    .join("\n\n");
}

function isTypeOnly(statement: Statement): boolean {
  return Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement);
}

function declaredNames(statement: Statement): string[] {
  if (Node.isVariableStatement(statement)) return statement.getDeclarations().map((d) => d.getName());
  if (
    Node.isFunctionDeclaration(statement) ||
    Node.isClassDeclaration(statement) ||
    Node.isInterfaceDeclaration(statement) ||
    Node.isTypeAliasDeclaration(statement) ||
    Node.isEnumDeclaration(statement)
  ) {
    const name = statement.getName();
    return name === undefined ? [] : [name];
  }
  return [];
}

/**
 * The doc comments that belong to `statement`: those not separated from it by a blank line (the file's
 * header comment precedes the first declaration after a blank line and is left out).
 */
function ownDocs(statement: Statement): string {
  if (!Node.isJSDocable(statement)) return "";
  const docs = statement.getJsDocs();
  const source = statement.getSourceFile().getFullText();
  const kept: string[] = [];
  let next = statement.getStart(false);
  for (let i = docs.length - 1; i >= 0; i--) {
    const doc = docs[i]!;
    if (/\n[ \t]*\r?\n/.test(source.slice(doc.getEnd(), next))) break;
    kept.unshift(doc.getText());
    next = doc.getStart();
  }
  return kept.map((doc) => `${doc}\n`).join("");
}
