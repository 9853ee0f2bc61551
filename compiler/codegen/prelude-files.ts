/**
 * What the inlined runtime prelude is made of: the files of runtime/prelude/ in their order, the types a
 * generated module exports, and the shape of the extracted prelude, shared by the extractor
 * (prelude-extract.ts) and the loader (prelude.ts).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
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

/** The prelude as dist/prelude.json stores it: laid out, with the hash of the sources it came from. */
export interface PreludeData {
  readonly sourcesHash: string;
  readonly declarations: readonly { readonly text: string; readonly declares: readonly string[]; readonly mentions: readonly string[] }[];
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
  "calendar.ts",
  "staffing.ts",
  "json.ts",
  "validation.ts",
  "context.ts",
  "assembly.ts",
];

/** A prelude source file, in a repository checkout (the package ships dist/prelude.json instead). */
export const preludeFile = (name: string): string => join(packageRoot(), "runtime", "prelude", name);

/** Where `npm run build` stores the extracted prelude. */
export const preludeDataFile = (): string => join(packageRoot(), "dist", "prelude.json");

/** The hash dist/prelude.json records of the sources it was extracted from. */
export function sourcesHash(sources: readonly string[]): string {
  const hash = createHash("sha256");
  for (const source of sources) hash.update(`${source.length}:${source}`);
  return hash.digest("hex");
}
