/**
 * Signal types: `bool`, `number`/`int` with an optional inclusive range, `text`, `duration`, and
 * enums `a | b | c`. Reports `unknown-type` (a one-word "enum" that is not a type, a range on a type
 * that takes none), `out-of-range` (a non-integral or unrepresentable `int` bound, an empty range),
 * and `duplicate-declaration` / `reserved-name` for enum members.
 *
 * To avoid cascades, a wrong type makes the signal untyped (its uses are then not checked), a bad
 * bound is dropped, and an empty range is dropped whole.
 */
import type { EnumType, NumberLiteral, PrimitiveType, SignalDecl } from "../../grammar/ast.ts";
import type { SignalType } from "../model.ts";
import { isPrimitiveTypeName, primitiveTypeNames, primitiveTypes, type PrimitiveTypeName } from "../../grammar/vocabulary.ts";
import { code, type Context } from "./context.ts";
import { checkReserved } from "./reserved.ts";
import { replaceWith, suggest } from "./suggest.ts";

export function resolveSignalType(ctx: Context, decl: SignalDecl): SignalType | null {
  const type = decl.type;
  if (!type) return null;
  return type.kind === "enum-type" ? resolveEnum(ctx, decl, type) : resolvePrimitive(ctx, type);
}

function resolveEnum(ctx: Context, decl: SignalDecl, type: EnumType): SignalType | null {
  const members = type.members ?? [];
  const only = members[0];
  if (members.length === 0 || only === undefined) {
    ctx.report("unknown-type", type.span, `${code(decl.name.text)} has no type`, `write a type: ${primitiveTypeNames.map((t) => code(t)).join(", ")} or an enum \`a | b\``);
    return null;
  }
  if (members.length === 1) {
    const close = suggestType(only.text, primitiveTypeNames);
    const enumHint = `an enum needs at least two members: \`${only.text} | …\``;
    ctx.report(
      "unknown-type",
      only.span,
      `${code(only.text)} is not a type`,
      close === undefined ? enumHint : `did you mean ${code(close)}? Otherwise, ${enumHint}`,
      close === undefined ? undefined : [replaceWith(only.span, close)],
    );
    return null;
  }
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const member of members) {
    checkReserved(ctx, member, "enum member");
    if (seen.has(member.text)) {
      ctx.report(
        "duplicate-declaration",
        member.span,
        `${code(member.text)} is listed twice in the enum of ${code(decl.name.text)}`,
        "remove the repeated member",
      );
      continue;
    }
    seen.add(member.text);
    unique.push(member.text);
  }
  return { kind: "enum", members: unique };
}

const rangedTypes = primitiveTypeNames.filter((t) => primitiveTypes[t].ranged);

function resolvePrimitive(ctx: Context, type: PrimitiveType): SignalType | null {
  const range = type.range;
  if (!isPrimitiveTypeName(type.name)) return null;
  if (range && !primitiveTypes[type.name].ranged) {
    ctx.report(
      "unknown-type",
      range.span,
      `a ${code(type.name)} can't have a range`,
      `only ${rangedTypes.map((t) => code(t)).join(" and ")} take a range such as \`in 0..10\``,
    );
  }
  switch (type.name) {
    case "bool":
    case "text":
    case "duration":
      return { kind: type.name };
    case "number":
    case "int": {
      const integer = type.name === "int";
      if (!range) return { kind: "number", integer, min: null, max: null };
      let min = bound(ctx, range.min, integer);
      let max = bound(ctx, range.max, integer);
      if (min !== null && max !== null && min > max) {
        ctx.report(
          "out-of-range",
          range.span,
          `the range ${code(`${range.min?.raw}..${range.max?.raw}`)} is empty because ${code(String(range.min?.raw))} is above ${code(String(range.max?.raw))}`,
          "write the low bound first",
        );
        min = max = null;
      }
      return { kind: "number", integer, min, max };
    }
  }
}

function bound(ctx: Context, literal: NumberLiteral | null, integer: boolean): number | null {
  if (!literal) return null;
  if (!Number.isFinite(literal.value)) {
    ctx.report("out-of-range", literal.span, `${code(literal.raw)} is too large to be a number`);
    return null;
  }
  if (integer && !Number.isInteger(literal.value)) {
    ctx.report("out-of-range", literal.span, `${code(literal.raw)} is not a whole number, so it can't bound an \`int\``);
    return null;
  }
  return literal.value;
}

/** The vocabulary's name of a resolved type: `int` for an integral number. */
export function typeName(type: SignalType): PrimitiveTypeName | "enum" {
  return type.kind === "number" ? (type.integer ? "int" : "number") : type.kind;
}

/** Whether `<`, `<=`, `>`, `>=` apply to the type. */
export function isOrdered(type: SignalType): boolean {
  const name = typeName(type);
  return name !== "enum" && primitiveTypes[name].ordered;
}

/** The type in the author's words, after "is": "a number", "an int", "an enum (free | pro)". */
export function describeType(type: SignalType): string {
  switch (type.kind) {
    case "bool":
      return "a bool";
    case "number":
      return type.integer ? "an int" : "a number";
    case "text":
      return "text";
    case "duration":
      return "a duration";
    case "enum":
      return `an enum (${membersText(type.members)})`;
  }
}

/** "free | pro | enterprise", cut after a dozen members. */
export function membersText(members: readonly string[]): string {
  return members.length > 12 ? `${members.slice(0, 12).join(" | ")} | …` : members.join(" | ");
}

/** "-1..1", "0..", "..100". */
export function rangeText(type: { readonly min: number | null; readonly max: number | null }): string {
  return `${type.min ?? ""}..${type.max ?? ""}`;
}

/** Type names authors bring from other languages, mapped to ours. */
const typeAliases: Readonly<Record<string, string>> = {
  boolean: "bool",
  integer: "int",
  string: "text",
  float: "number",
  double: "number",
  decimal: "number",
  str: "text",
};

/** The type the author probably meant by `word`: an alias from another language, or a close spelling. */
export function suggestType(word: string, allowed: readonly string[]): string | undefined {
  const alias = Object.hasOwn(typeAliases, word.toLowerCase()) ? typeAliases[word.toLowerCase()] : undefined;
  return alias !== undefined && allowed.includes(alias) ? alias : suggest(word, allowed);
}
