/**
 * Extracting the runtime prelude from its TypeScript (runtime/prelude/), for inlining: ts-morph finds
 * each file's top-level declarations, drops `export` except on the types a generated module re-exports
 * and the imports between prelude files, and prettier lays each declaration out as generated modules
 * print it. Run by `npm run build`, which stores the result in dist/prelude.json, and in a repository
 * checkout whenever the sources have changed since (prelude.ts decides); never in an installed package.
 *
 * INVARIANT: the prelude imports nothing but its own files (checked here: any other import is a
 * codegen error, since the generated module must import nothing).
 */
import { readFileSync } from "node:fs";
import { Node, Project, SyntaxKind, type Statement } from "ts-morph";
import { format } from "prettier";
import { EXPORTED_PRELUDE_TYPES, PRELUDE_FILES, preludeFile, sourcesHash, type Prelude, type PreludeData, type PreludeDeclaration } from "./prelude-files.ts";

/** The prelude of the files on disk now, as dist/prelude.json stores it. */
export async function extractPreludeFiles(): Promise<PreludeData> {
  const sources = PRELUDE_FILES.map((name) => readFileSync(preludeFile(name), "utf8"));
  const parts = sources.map((source, i) => extractPrelude(source, PRELUDE_FILES[i]));
  const declarations = await Promise.all(
    parts.flatMap((part) => part.declarations).map(async (d) => ({ ...d, text: await layOut(d.text), mentions: [...d.mentions] })),
  );
  return { sourcesHash: sourcesHash(sources), declarations };
}

/** A declaration as generated modules print it (prettier's TypeScript layout, 100 columns). */
async function layOut(text: string): Promise<string> {
  return (await format(text, { parser: "typescript", printWidth: 100 })).trimEnd();
}

/** Whether `specifier` names a prelude file from inside `runtime/prelude/` (`./types.ts`…). */
function isPreludeFile(specifier: string): boolean {
  return specifier.startsWith("./") && PRELUDE_FILES.includes(specifier.slice(2));
}

/**
 * Extracts the declarations from the source text of one prelude file (`fileName`, for messages), as
 * written (not laid out). Imports of other prelude files are dropped (their declarations are inlined
 * too); any other import, and any re-export, is an error.
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
