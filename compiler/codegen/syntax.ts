/**
 * The shapes of TypeScript the generator writes, as layout documents of the formatter's printer
 * (format/doc.ts, laid out by format/render.ts at its width of 100): blocks, calls, operator chains,
 * literals. Each breaks the way a reader expects when it does not fit on its line: one argument,
 * operand or entry per line, indented, with a trailing comma where the grammar allows one. The module comes out formatted; no formatter runs at build time.
 *
 * INVARIANT: text parts hold no line terminators (line breaks are `hardline()`s), so widths are
 * counted exactly and every line gets its indentation.
 */
import { group, hardline, ifBreak, indent, join, line, softline, type Doc } from "../../format/doc.ts";
import { render } from "../../format/render.ts";

export type { Doc } from "../../format/doc.ts";

/** `doc` laid out, ending in a newline. */
export function print(doc: Doc): string {
  return render(doc);
}

/** `doc` on one line, every group flat (for code placed inside lines written as text). */
export function flat(doc: Doc): string {
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) return (doc as readonly Doc[]).map(flat).join("");
  const node = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (node.kind) {
    case "tok":
      return node.text;
    case "line":
      if (node.hard) throw new Error("codegen: a line break in code printed on one line");
      return node.flat;
    case "group":
    case "indent":
      return flat(node.contents);
    case "fill":
      return node.parts.map(flat).join("");
    case "if-break":
      return flat(node.flat);
  }
}

/** Already formatted text (lines at the current indentation), e.g. a comment block. */
export function lines(text: string): Doc {
  return join(text.split("\n"), () => hardline());
}

/** Statements, one per line (empty ones left out). */
export function statements(docs: readonly Doc[]): Doc {
  return join(
    docs.filter((doc) => doc !== ""),
    () => hardline(),
  );
}

/** Declarations separated by blank lines. */
export function declarations(docs: readonly Doc[]): Doc {
  return join(docs, () => [hardline(), hardline()]);
}

/** `head {`, the statements indented, then `tail` (`}` unless given); `head {}` when there are none. */
export function block(head: Doc, body: readonly Doc[], tail: Doc = "}"): Doc {
  const inner = body.filter((doc) => doc !== "");
  if (inner.length === 0) return [head, " {", tail];
  return [head, " {", indent(hardline(), statements(inner)), hardline(), tail];
}

/** `callee(a, b)`, or one argument per line. */
export function call(callee: Doc, args: readonly Doc[]): Doc {
  if (args.length === 0) return [callee, "()"];
  return group(callee, "(", indent(softline(), commaSeparated(args), ifBreak(",")), softline(), ")");
}

/** `a op b op c`, breaking after each operator; continuation lines at the first operand's indentation. */
export function chain(operands: readonly Doc[], op: "&&" | "||"): Doc {
  return group(operandLines(operands, op));
}

/** The same, not a group of its own: it breaks with the enclosing group (the parentheses of an `if`). */
export function operandLines(operands: readonly Doc[], op: "&&" | "||"): Doc {
  return join(operands, () => [" ", op, line()]);
}

/** `a op b op c` whose continuation lines are indented below the first operand (an argument, a nested chain). */
export function hangingChain(operands: readonly Doc[], op: "&&" | "||" | "+"): Doc {
  const [first, ...rest] = operands;
  return group(first ?? "", indent(rest.map((operand) => [" ", op, line(), operand])));
}

/** `a + b + c` as an argument or a value. */
export function concatenation(operands: readonly Doc[]): Doc {
  return operands.length === 0 ? '""' : hangingChain(operands, "+");
}

/** `(doc)`, its content on lines of its own when it breaks. */
export function paren(doc: Doc): Doc {
  return group("(", indent(softline(), doc), softline(), ")");
}

/** `test ? yes : no`, or the branches on lines of their own. */
export function ternary(test: Doc, yes: Doc, no: Doc): Doc {
  return group(test, indent(line(), "? ", yes, line(), ": ", no));
}

/** `{ a, b }`, or one entry per line. */
export function object(entries: readonly Doc[]): Doc {
  if (entries.length === 0) return "{}";
  return group("{", indent(line(), commaSeparated(entries), ifBreak(",")), line(), "}");
}

/**
 * An object literal with one entry per line, always (records read side by side, like outcomes); with
 * `;` as the separator, an object type.
 */
export function objectLines(entries: readonly Doc[], separator: "," | ";" = ","): Doc {
  if (entries.length === 0) return "{}";
  return ["{", indent(hardline(), join(entries, () => [separator, hardline()]), separator), hardline(), "}"];
}

/** `[a, b]`, or one element per line. */
export function array(elements: readonly Doc[]): Doc {
  if (elements.length === 0) return "[]";
  return group("[", indent(softline(), commaSeparated(elements), ifBreak(",")), softline(), "]");
}

/**
 * A type member `name: a | b;`; when it does not fit, the union on the next line, indented, and when
 * it does not fit there either, one member per line after a leading `|`.
 */
export function unionMember(name: Doc, members: readonly Doc[]): Doc {
  if (members.length === 1) return [name, ": ", members[0]!, ";"];
  return [name, ":", group(indent(line(), group(ifBreak("| "), join(members, () => [line(), "| "])))), ";"];
}

/**
 * `lhs = rhs`, breaking after `=` when it does not fit (then `rhs` goes on the next line, indented, and
 * breaks there if it must): the layout for operator chains and conditionals.
 */
export function assign(lhs: Doc, rhs: Doc): Doc {
  return group(lhs, " =", indent(line(), rhs));
}

/**
 * `const name: type = value;` (no type when null). `value` stays beside the `=`: objects, arrays and
 * calls break inside their brackets; `breakAfterEquals` is for chains and conditionals (see `assign`).
 */
export function constDecl(name: string, type: Doc | null, value: Doc, breakAfterEquals = false): Doc {
  const lhs = type === null ? `const ${name}` : [`const ${name}: `, type];
  return [breakAfterEquals ? assign(lhs, value) : [lhs, " = ", value], ";"];
}

/** `case label:` and its statements, indented below it. */
export function caseClause(label: string, body: readonly Doc[]): Doc {
  return [`case ${label}:`, indent(hardline(), statements(body))];
}

/** `if (test) statement;`, the statement on the next line, indented, when it does not fit. */
export function ifStatement(test: string, statement: Doc): Doc {
  return group(`if (${test})`, indent(line(), statement));
}

/** `if (test)`, or with `bangs` (`!`, `!!`…) `if (!(test))`, the test on lines of its own when it does not fit. */
export function ifParens(test: Doc, bangs = ""): Doc {
  return group(bangs === "" ? "if (" : `if (${bangs}(`, indent(softline(), test), softline(), bangs === "" ? ")" : "))");
}

function commaSeparated(docs: readonly Doc[]): Doc {
  return join(docs, () => [",", line()]);
}
