/**
 * The formatter's layout language: a small version of Wadler's "prettier printer" documents, as
 * Prettier uses them. A document is text, groups that print flat when they fit the line width, and
 * line breaks whose indentation comes from the enclosing `indent`/`align`.
 *
 * Two kinds of text: `tok` is a token of the contract (the comment placer matches every one to the
 * source token it prints, see `comments.ts`), and a plain string is layout (spaces).
 *
 * Every `Line` is a place where a comment may go: `before` holds comments printed at the end of the
 * line it ends, `after` the comments printed on their own lines after it. A line with comments always
 * breaks, and so does every group around it.
 */
import type { Comment } from "../grammar/ast.ts";

/**
 * Which blank lines a line break keeps from the source (at most one each time):
 * - `item`: between declarations, rules and tests, and between the members of a block;
 * - `open`: after `{` and at the start of the file, where there is none before the first thing;
 * - `close`: before `}` and at the end of the file, where there is none after the last comment;
 * - `plain`: inside a rule or test, where there are none.
 */
export type BlankPolicy = "item" | "open" | "close" | "plain";

export interface Line {
  readonly kind: "line";
  /** What the line prints when its group is flat: a space or nothing. */
  readonly flat: " " | "";
  /** Always breaks. */
  readonly hard: boolean;
  readonly blanks: BlankPolicy;
  /** `start`/`end` are the edges of the file: they print no line end of their own. */
  readonly edge?: "start" | "end";
  /** Extra indentation of comments in `after`: a `}` is outdented, the comments before it are not. */
  readonly commentIndent: number;
  before: Comment[];
  after: { comment: Comment; blankBefore: boolean }[];
  /** A blank line between the last comment (or the line end) and what follows. */
  blankAfter: boolean;
}

export interface Tok {
  readonly kind: "tok";
  readonly text: string;
}

export interface Group {
  readonly kind: "group";
  readonly contents: Doc;
}

export interface Indent {
  readonly kind: "indent";
  /** Spaces added to the indentation of the lines inside. */
  readonly by: number;
  readonly contents: Doc;
}

/** `[content, line, content, line, …]`: each line breaks only when the content after it does not fit. */
export interface Fill {
  readonly kind: "fill";
  readonly parts: readonly Doc[];
}

/** One of two documents, by whether the enclosing group breaks (a trailing comma, a leading `|`). */
export interface IfBreak {
  readonly kind: "if-break";
  readonly broken: Doc;
  readonly flat: Doc;
}

export type Doc = string | Tok | Line | Group | Indent | Fill | IfBreak | readonly Doc[];

export const indentWidth = 2;

export function tok(text: string): Tok {
  return { kind: "tok", text };
}

export function group(...contents: Doc[]): Group {
  return { kind: "group", contents };
}

export function indent(...contents: Doc[]): Indent {
  return { kind: "indent", by: indentWidth, contents };
}

export function align(by: number, ...contents: Doc[]): Indent {
  return { kind: "indent", by, contents };
}

export function fill(parts: readonly Doc[]): Fill {
  return { kind: "fill", parts };
}

function newLine(flat: " " | "", hard: boolean, blanks: BlankPolicy, extra: Partial<Pick<Line, "edge" | "commentIndent">> = {}): Line {
  return { kind: "line", flat, hard, blanks, commentIndent: 0, ...extra, before: [], after: [], blankAfter: false };
}

/** `broken` when the enclosing group breaks, else `flat`. */
export function ifBreak(broken: Doc, flat: Doc = ""): IfBreak {
  return { kind: "if-break", broken, flat };
}

/** A space when flat, a line break otherwise. */
export function line(blanks: BlankPolicy = "plain"): Line {
  return newLine(" ", false, blanks);
}

/** Nothing when flat, a line break otherwise. */
export function softline(blanks: BlankPolicy = "plain", commentIndent = 0): Line {
  return newLine("", false, blanks, { commentIndent });
}

/** Always a line break. */
export function hardline(blanks: BlankPolicy = "plain", commentIndent = 0): Line {
  return newLine("", true, blanks, { commentIndent });
}

/** The start or the end of the file. */
export function edge(which: "start" | "end"): Line {
  return newLine("", true, which === "start" ? "open" : "close", { edge: which });
}

/** `items` with `separator()` between each two. */
export function join(items: readonly Doc[], separator: () => Doc): Doc[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator(), item]));
}

/** The lines and tokens of `doc` in print order. */
export function* walk(doc: Doc): Generator<Line | Tok> {
  if (typeof doc === "string") return;
  if (Array.isArray(doc)) {
    for (const d of doc as readonly Doc[]) yield* walk(d);
    return;
  }
  const node = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (node.kind) {
    case "line":
    case "tok":
      yield node;
      return;
    case "group":
    case "indent":
      yield* walk(node.contents);
      return;
    case "fill":
      for (const d of node.parts) yield* walk(d);
      return;
    case "if-break":
      // Only layout text goes in either branch (no tokens, no lines that could hold comments).
      return;
  }
}
