/**
 * The runtime prelude, for inlining: the top-level declarations of the files of `runtime/prelude/`
 * (those the module uses), file by file in the order of PRELUDE_FILES and in file order within each,
 * with `export` removed except on the types a generated module re-exports and the imports between
 * prelude files dropped, each laid out as the module prints it. Generated modules and the reference
 * interpreter thus share one definition of validation wording, context sanitising and decision assembly.
 *
 * Where it comes from: `npm run build` extracts it (prelude-extract.ts, with ts-morph and prettier) into
 * dist/prelude.json, which the package ships and `handoff build` reads, so code generation loads
 * neither. In a repository checkout, whose runtime/prelude/ sources are beside it, a dist/prelude.json
 * that does not match the sources (or none) is ignored and the sources are extracted afresh.
 */
import { existsSync, readFileSync } from "node:fs";
import {
  EXPORTED_PRELUDE_TYPES,
  PRELUDE_FILES,
  preludeDataFile,
  preludeFile,
  sourcesHash,
  type Prelude,
  type PreludeData,
  type PreludeDeclaration,
} from "./prelude-files.ts";

let cached: { readonly hash: string; readonly prelude: Prelude } | undefined;

/** The prelude: dist/prelude.json, or in a checkout whose sources differ from it, the sources extracted now. */
export async function loadPrelude(): Promise<Prelude> {
  const checkout = existsSync(preludeFile(PRELUDE_FILES[0]!));
  const hash = checkout ? sourcesHash(PRELUDE_FILES.map((name) => readFileSync(preludeFile(name), "utf8"))) : "package";
  if (cached?.hash === hash) return cached.prelude;
  let data = readData();
  if (data === null && !checkout) throw new Error(`handoff: ${preludeDataFile()} is missing; the package is not built`);
  if (data === null || (checkout && data.sourcesHash !== hash)) {
    const { extractPreludeFiles } = await import("./prelude-extract.ts");
    data = await extractPreludeFiles();
  }
  cached = { hash, prelude: fromData(data) };
  return cached.prelude;
}

function readData(): PreludeData | null {
  try {
    return JSON.parse(readFileSync(preludeDataFile(), "utf8")) as PreludeData;
  } catch {
    return null;
  }
}

function fromData(data: PreludeData): Prelude {
  const declarations = data.declarations.map((d) => ({ text: d.text, declares: d.declares, mentions: new Set(d.mentions) }));
  return { declarations, names: new Set(declarations.flatMap((d) => d.declares)) };
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
