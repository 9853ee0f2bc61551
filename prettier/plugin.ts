/**
 * The Prettier plugin: `.handoff` files formatted by `formatSource`, so Prettier and `handoff fmt`
 * always agree. The parser formats the whole file (refusing, as `fmt` does, when it has syntax
 * errors) and the printer prints the result line by line. Prettier's layout options (`printWidth`,
 * `tabWidth`, …) do not apply: a contract has one canonical layout. `endOfLine` does.
 */
import { doc, type Parser, type Plugin, type Printer, type SupportLanguage } from "prettier";
import type { Diagnostic } from "../diagnostics/index.ts";
import { formatSource } from "../format/index.ts";

/** The whole file, already formatted. */
interface Formatted {
  readonly type: "handoff-contract";
  readonly text: string;
  readonly sourceLength: number;
}

export const languages: SupportLanguage[] = [
  { name: "Handoff", parsers: ["handoff"], extensions: [".handoff"], vscodeLanguageIds: ["handoff"] },
];

const parser: Parser<Formatted> = {
  astFormat: "handoff",
  parse(text) {
    const result = formatSource(text);
    if (!result.ok) throw syntaxError(result.diagnostics);
    return { type: "handoff-contract", text: result.text, sourceLength: text.length };
  },
  locStart: () => 0,
  locEnd: (node) => node.sourceLength,
};

const printer: Printer<Formatted> = {
  print(path) {
    return doc.builders.join(doc.builders.hardline, path.node.text.split("\n"));
  },
};

export const parsers = { handoff: parser };
export const printers = { handoff: printer };

/** Prettier shows `loc` as a code frame under the message. */
function syntaxError(diagnostics: readonly Diagnostic[]): Error {
  const first = diagnostics[0];
  const error = new SyntaxError(first ? `${first.message} (${first.span.startLine}:${first.span.startColumn})` : "syntax error");
  if (first) {
    const { startLine, startColumn, endLine, endColumn } = first.span;
    Object.assign(error, { loc: { start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } } });
  }
  return error;
}

const plugin: Plugin<Formatted> = { languages, parsers, printers };
export default plugin;
