/**
 * Formatting through the formatter `handoff fmt` uses: one edit replacing the whole document when the
 * contract can be formatted, none when it cannot (syntax errors) or is already formatted.
 */
import type { TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";

export async function formatDocument(doc: TextDocument): Promise<TextEdit[]> {
  // Loaded on first use, like the CLI's commands: the server starts without the formatter.
  const { formatSource } = await import("../format/index.ts");
  const text = doc.getText();
  const result = formatSource(text);
  if (!result.ok) return [];
  // formatSource drops a leading byte-order mark; keep the document's.
  const formatted = text.charCodeAt(0) === 0xfeff ? `\ufeff${result.text}` : result.text;
  if (formatted === text) return [];
  return [{ range: { start: doc.positionAt(0), end: doc.positionAt(text.length) }, newText: formatted }];
}
