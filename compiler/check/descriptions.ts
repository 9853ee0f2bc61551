/**
 * Descriptions of signals and fields: the comment written after a declaration, on the line where it
 * ends (`waiting: duration   # how long the customer has waited for a human`). That comment is what a
 * host, or an LLM that extracts the signals, needs to know about the value; `handoff schema` prints it
 * as the `description`, and the formatter keeps it beside its declaration.
 */
import type { Comment, ContractFile, Span } from "../../grammar/ast.ts";

/** The description of the declaration at `span`, or undefined when no comment follows it on its last line. */
export type Describe = (span: Span) => string | undefined;

export function trailingComments(file: ContractFile): Describe {
  const byLine = new Map<number, Comment>();
  for (const comment of file.comments) if (!byLine.has(comment.span.startLine)) byLine.set(comment.span.startLine, comment);
  return (span) => {
    const comment = byLine.get(span.endLine);
    if (comment === undefined || comment.span.startOffset < span.endOffset) return undefined;
    const text = comment.text.trim();
    return text === "" ? undefined : text;
  };
}
