import { diagnostic, type Diagnostic } from "../compiler/diagnostics.ts";
import { MAX_SOURCE_BYTES } from "../grammar/limits.ts";

/** The diagnostic for a file the CLI refused to read because of its size. */
export function tooLargeDiagnostic(): Diagnostic {
  const at = { startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  return diagnostic("too-large", at, `the contract is larger than ${MAX_SOURCE_BYTES} bytes (1 MiB)`, "split it into smaller contracts");
}
