/**
 * Our diagnostics as LSP diagnostics: the same code, message, span and severity that `handoff check`
 * prints. Info notes, which `check` hides unless `--info`, are sent as Information (the editor shows
 * them without the weight of a warning). The hint and the example follow the message on their own
 * lines, labelled as `check` labels them. The original diagnostic rides along in `data` for code actions.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, Severity } from "../diagnostics/index.ts";
import { printExample } from "../diagnostics/values.ts";
import { bomShift, spanToRange } from "./positions.ts";

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostics(doc: TextDocument, diagnostics: readonly Diagnostic[]): LspDiagnostic[] {
  const shift = bomShift(doc);
  return diagnostics.map((d) => {
    let message = d.message;
    if (d.hint) message += `\nhint: ${d.hint}`;
    if (d.example) message += `\nexample: ${printExample(d.example)}`;
    return { range: spanToRange(doc, d.span, shift), severity: severities[d.severity], code: d.code, source: "handoff", message, data: d };
  });
}
