/** Small helpers for the grammar tests: printing conditions, reading what a span underlines. */
import { expect } from "vitest";
import type { Condition, ContractFile, Item, Literal, RuleDecl, Span } from "../../grammar/ast.ts";
import type { Diagnostic } from "../../diagnostics/index.ts";
import { parse } from "../../grammar/parse.ts";

/** Parses and fails the test on any diagnostic. */
export function parseClean(source: string): ContractFile {
  const { ast, diagnostics } = parse(source);
  expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  return ast;
}

/** The source text a span covers. */
export function underlined(source: string, span: Span): string {
  return source.slice(span.startOffset, span.endOffset);
}

/** `[code, underlined text, message]` for every diagnostic, in order. */
export function described(source: string, diagnostics: readonly Diagnostic[]): [string, string, string][] {
  return diagnostics.map((d) => [d.code, underlined(source, d.span), d.message]);
}

export function literal(value: Literal): string {
  switch (value.kind) {
    case "string":
      return JSON.stringify(value.value);
    case "number":
      return value.raw;
    case "duration":
      return value.raw;
    case "bool":
      return String(value.value);
    case "symbol":
      return value.name;
  }
}

/** A condition fully parenthesised: `not a or b and c` → `(not a) or (b and c)`. */
export function show(cond: Condition): string {
  switch (cond.kind) {
    case "flag":
      return cond.signal.text;
    case "staffing":
      return `${cond.subject} ${cond.name.text} is ${cond.open ? "open" : "closed"}`;
    case "comparison":
      return `${cond.signal.text} ${cond.wordy ? (cond.op === "==" ? "is" : "is not") : cond.op} ${literal(cond.value)}`;
    case "membership":
      return `${cond.signal.text} ${cond.negated ? "not in" : "in"} [${cond.values.map(literal).join(", ")}]`;
    case "not":
      return `not ${wrap(cond.operand)}`;
    case "and":
    case "or":
      return cond.operands.map(wrap).join(` ${cond.kind} `);
  }
}

function wrap(cond: Condition): string {
  return cond.kind === "and" || cond.kind === "or" || cond.kind === "not" ? `(${show(cond)})` : show(cond);
}

/** The condition of the only rule in `when CONDITION then answer`. */
export function conditionOf(condition: string): string {
  const ast = parseClean(`when ${condition} then answer`);
  return show(rules(ast)[0]!.condition);
}

export function rules(ast: ContractFile): RuleDecl[] {
  return ast.items.filter((i): i is RuleDecl => i.kind === "rule");
}

export function only<K extends Item["kind"]>(ast: ContractFile, kind: K): Extract<Item, { kind: K }> {
  const found = ast.items.filter((i) => i.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as Extract<Item, { kind: K }>;
}

/** Line and column of an offset, computed independently of the lexer. */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = source[i];
    if (c === "\n" || (c === "\r" && source[i + 1] !== "\n")) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Every span in a tree (including `whenSpan`). */
export function allSpans(node: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(node)) {
    for (const x of node) allSpans(x, out);
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "span" || key === "whenSpan") out.push(value as Span);
      else allSpans(value, out);
    }
  }
  return out;
}

/** A span is inside the source, ordered, and its lines and columns agree with its offsets. */
export function expectSpanConsistent(source: string, span: Span): void {
  expect(span.startOffset).toBeGreaterThanOrEqual(0);
  expect(span.endOffset).toBeGreaterThanOrEqual(span.startOffset);
  expect(span.endOffset).toBeLessThanOrEqual(source.length);
  const start = positionAt(source, span.startOffset);
  const end = positionAt(source, span.endOffset);
  expect({ line: span.startLine, column: span.startColumn }).toEqual(start);
  expect({ line: span.endLine, column: span.endColumn }).toEqual(end);
}
