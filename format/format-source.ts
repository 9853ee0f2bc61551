/**
 * The formatter: one canonical layout for a contract, comments kept where they were written
 * (docs/formatting.md). `handoff fmt`, the Prettier plugin and the language server all call
 * `formatSource`.
 *
 *   parse → layout document from the tree (print.ts) → comments onto its line breaks (comments.ts)
 *         → text (render.ts) → parse again: the same tree and comments, or no result
 *
 * INVARIANT: a result with `ok: true` parses to the same tree as the source, modulo positions, and
 * keeps every comment's text (trailing whitespace removed), in order; formatting it again returns it
 * unchanged.
 */
import { fileStart, stripSpans, type ContractFile } from "../grammar/ast.ts";
import { parse } from "../grammar/parse.ts";
import { diagnostic, withoutByteOrderMark, type Diagnostic } from "../diagnostics/index.ts";
import { placeComments } from "./comments.ts";
import { printFile } from "./print.ts";
import { render } from "./render.ts";

export type FormatResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Parse diagnostics after which the tree may be missing some of the source, so it cannot be printed. */
const blocking: ReadonlySet<string> = new Set(["syntax", "too-large", "too-deep"]);

/** The canonical layout of a contract; refuses (ok: false) when the source has syntax errors. Never throws. */
export function formatSource(source: string): FormatResult {
  try {
    return formatUnguarded(withoutByteOrderMark(source));
  } catch (error) {
    return failed(`the formatter failed unexpectedly (${error instanceof Error ? error.message : String(error)})`);
  }
}

function formatUnguarded(source: string): FormatResult {
  const parsed = parse(source);
  if (parsed.diagnostics.some((d) => blocking.has(d.code))) {
    return { ok: false, diagnostics: parsed.diagnostics.filter((d) => d.severity === "error") };
  }
  const doc = printFile(parsed.ast, source);
  // The tree leaves out a few things the checker rejects anyway (a range on a one-word type that is not a
  // type name), and the layout cannot print what the tree lacks.
  if (!placeComments(doc, source, parsed.ast.comments)) {
    return failed("this contract cannot be formatted without losing part of it; fix the errors `handoff check` reports first", false);
  }
  const text = render(doc);
  const again = parse(text).ast;
  if (meaning(again) !== meaning(parsed.ast)) return failed("the formatted text would not parse back to the same contract");
  return { ok: true, text };
}

/** The tree without positions, and the comments' texts: what formatting must keep. */
export function meaning(file: ContractFile): string {
  return JSON.stringify([stripSpans(file.items), file.comments.map((c) => c.text.trimEnd())]);
}

function failed(what: string, bug = true): FormatResult {
  return { ok: false, diagnostics: [diagnostic("syntax", fileStart, bug ? `${what}; the file is left as it is; please report this` : what)] };
}
