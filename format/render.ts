/**
 * Prints a layout document (`doc.ts`) as text: Prettier's algorithm, in small. A group prints flat
 * when its flat text and whatever follows it up to the next line break fit in `lineWidth`; otherwise
 * its lines break (outer groups break first). A line with comments always breaks.
 *
 * Comments: the first comment in a line's `before` ends the line it breaks, starting at
 * `commentColumn` (or one space after the code when the code reaches that far); any further one
 * (two comments from lines the layout joined) is printed on its own line instead, since two `#`
 * comments cannot share a line. Comments in `after` get lines of their own at the indentation of
 * what follows (plus the line's `commentIndent`). No output line ends in whitespace.
 */
import type { Comment } from "../grammar/ast.ts";
import type { Doc, Group, Line } from "./doc.ts";

/** The width long conditions, lists and `given` entries are broken to fit. */
export const lineWidth = 100;
/** The column at which end-of-line comments start, as in the examples' `signals` blocks. */
export const commentColumn = 45;

type Mode = "flat" | "break";
interface Command {
  readonly indent: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

/** The width of text in columns: one per code point. */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function commentText(comment: Comment): string {
  return `#${comment.text.trimEnd()}`;
}

function forced(line: Line): boolean {
  return line.hard || line.before.length > 0 || line.after.length > 0;
}

export function render(doc: Doc): string {
  const breaks = new Map<Group, boolean>();
  const mustBreak = (d: Doc): boolean => {
    if (typeof d === "string") return false;
    if (Array.isArray(d)) return (d as readonly Doc[]).some(mustBreak);
    const node = d as Exclude<Doc, string | readonly Doc[]>;
    switch (node.kind) {
      case "tok":
        return false;
      case "line":
        return forced(node);
      case "indent":
        return mustBreak(node.contents);
      case "fill":
        return node.parts.some(mustBreak);
      case "if-break":
        return mustBreak(node.flat);
      case "group": {
        let known = breaks.get(node);
        if (known === undefined) breaks.set(node, (known = mustBreak(node.contents)));
        return known;
      }
    }
  };

  /** Whether `next` fits in `room` columns, followed by `rest` up to its first line break. */
  const fits = (next: Command, rest: readonly Command[], room: number): boolean => {
    const stack: { mode: Mode; doc: Doc }[] = [next];
    let restIndex = rest.length;
    while (room >= 0) {
      const top = stack.pop() ?? (restIndex > 0 ? rest[--restIndex] : undefined);
      if (!top) return true;
      const { mode, doc: d } = top;
      if (typeof d === "string") {
        room -= textWidth(d);
        continue;
      }
      if (Array.isArray(d)) {
        for (let i = d.length - 1; i >= 0; i--) stack.push({ mode, doc: (d as readonly Doc[])[i]! });
        continue;
      }
      const node = d as Exclude<Doc, string | readonly Doc[]>;
      switch (node.kind) {
        case "tok":
          room -= textWidth(node.text);
          break;
        case "indent":
          stack.push({ mode, doc: node.contents });
          break;
        case "group":
          stack.push({ mode: mustBreak(node) ? "break" : mode, doc: node.contents });
          break;
        case "fill":
          for (let i = node.parts.length - 1; i >= 0; i--) stack.push({ mode, doc: node.parts[i]! });
          break;
        case "if-break":
          stack.push({ mode, doc: mode === "break" ? node.broken : node.flat });
          break;
        case "line":
          if (mode === "break" || forced(node)) return true;
          room -= node.flat.length;
          break;
      }
    }
    return false;
  };

  const lines: string[] = [];
  let current = "";
  const endLine = (): void => {
    lines.push(current.trimEnd());
    current = "";
  };
  const breakAt = (line: Line, indent: number): void => {
    const [trailing, ...joined] = line.before;
    if (trailing) {
      const used = textWidth(current);
      current += " ".repeat(used < commentColumn - 1 ? commentColumn - 1 - used : 1) + commentText(trailing);
    }
    if (line.edge !== "start" && (line.edge !== "end" || current !== "")) endLine();
    const own = [...joined.map((comment) => ({ comment, blankBefore: false })), ...line.after];
    for (const { comment, blankBefore } of own) {
      if (blankBefore) lines.push("");
      lines.push(" ".repeat(indent + line.commentIndent) + commentText(comment));
    }
    if (line.blankAfter) lines.push("");
    current = " ".repeat(indent);
  };

  const commands: Command[] = [{ indent: 0, mode: "break", doc }];
  while (commands.length > 0) {
    const { indent, mode, doc: d } = commands.pop()!;
    if (typeof d === "string") {
      current += d;
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) commands.push({ indent, mode, doc: (d as readonly Doc[])[i]! });
      continue;
    }
    const node = d as Exclude<Doc, string | readonly Doc[]>;
    switch (node.kind) {
      case "tok":
        current += node.text;
        break;
      case "indent":
        commands.push({ indent: indent + node.by, mode, doc: node.contents });
        break;
      case "group": {
        const flat = !mustBreak(node) && (mode === "flat" || fits({ indent, mode: "flat", doc: node.contents }, commands, lineWidth - textWidth(current)));
        commands.push({ indent, mode: flat ? "flat" : "break", doc: node.contents });
        break;
      }
      case "fill": {
        const [content, separator, ...rest] = node.parts;
        if (content === undefined) break;
        if (separator === undefined || rest.length === 0) {
          commands.push({ indent, mode, doc: [content, ...(separator === undefined ? [] : [separator])] });
          break;
        }
        // The separator stays flat when the next content still fits on this line.
        const together = mode === "flat" || (!mustBreak(separator) && fits({ indent, mode: "flat", doc: [content, separator, rest[0]!] }, [], lineWidth - textWidth(current)));
        commands.push({ indent, mode, doc: { kind: "fill", parts: rest } });
        commands.push({ indent, mode: together ? "flat" : "break", doc: separator });
        commands.push({ indent, mode: "flat", doc: content });
        break;
      }
      case "if-break":
        commands.push({ indent, mode, doc: mode === "break" ? node.broken : node.flat });
        break;
      case "line":
        if (mode === "flat" && !forced(node)) current += node.flat;
        else breakAt(node, indent);
        break;
    }
  }
  if (current.trim() !== "") endLine();
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}
