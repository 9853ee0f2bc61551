/**
 * Formatting through the formatter `handoff fmt` uses: one edit replacing the whole document when the
 * contract can be formatted, none when it cannot (syntax errors) or is already formatted.
 */
import type { TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { withoutByteOrderMark } from "../diagnostics/span.ts";

export async function formatDocument(doc: TextDocument): Promise<TextEdit[]> {
  // Loaded on first use, like the CLI's commands: the server starts without the formatter.
  const { formatSource } = await import("../format/index.ts");
  const text = doc.getText();
  const result = formatSource(text);
  if (!result.ok) return [];
  // formatSource drops a leading byte-order mark; keep the document's.
  const mark = text.slice(0, text.length - withoutByteOrderMark(text).length);
  const formatted = mark + result.text;
  if (formatted === text) return [];
  return [{ range: { start: doc.positionAt(0), end: doc.positionAt(text.length) }, newText: formatted }];
}
