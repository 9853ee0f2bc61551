/**
 * Whether a literal fits a signal: in a comparison, an `in` list, a default or a test's `given`.
 * Reports `type-mismatch` (wrong kind of literal), `unknown-value` (a word the enum lacks) and
 * `out-of-range` (outside the declared range, not whole for an `int`, too large to represent), and
 * resolves the literal to the signal's JSON value: durations in seconds, members as strings.
 */
import type { Literal } from "../../grammar/ast.ts";
import type { SignalType, SignalValue } from "../model.ts";
import { code, type Context, type Scope, type SignalInfo } from "./context.ts";
import { suggestion } from "./suggest.ts";
import { describeType, membersText, rangeText } from "./types.ts";

/** Where the literal is written; it only changes the wording. */
export type LiteralUse = "compare" | "default" | "given";

export function resolveLiteral(
  ctx: Context,
  scope: Scope,
  signal: SignalInfo,
  literal: Literal,
  use: LiteralUse,
): SignalValue | undefined {
  const type = signal.type;
  if (!type || !literal) return undefined;
  const mismatch = (hint: string | undefined): undefined => {
    const written = ctx.quote(literal.span);
    const clause =
      use === "compare"
        ? `it can't be compared with ${written}`
        : use === "default"
          ? `its default can't be ${written}`
          : `a test can't set it to ${written}`;
    ctx.report("type-mismatch", literal.span, `${code(signal.name)} is ${describeType(type)}, so ${clause}`, hint);
    return undefined;
  };
  // A bare word naming another signal: the author wanted a signal-to-signal comparison.
  const otherSignal =
    literal.kind === "symbol" && scope.signals.has(literal.name)
      ? `comparing two signals is not supported; compare ${code(signal.name)} with a value`
      : undefined;

  switch (type.kind) {
    case "bool":
      return literal.kind === "bool" ? literal.value : mismatch(otherSignal ?? "write `true` or `false`");
    case "number":
      if (literal.kind === "number") return checkNumber(ctx, signal, type, literal);
      if (literal.kind === "duration") {
        return mismatch(`only a \`duration\` signal compares with durations; write a plain number`);
      }
      return mismatch(otherSignal ?? (type.integer ? "write a whole number such as `3`" : "write a number such as `0.5`"));
    case "duration":
      if (literal.kind === "duration") return literal.seconds;
      if (literal.kind === "number") {
        const withUnit = /^[0-9]+$/.test(literal.raw) ? `${literal.raw}s` : "5s";
        return mismatch(`write a duration with a unit, such as ${code(withUnit)}`);
      }
      return mismatch(otherSignal ?? "write a duration with a unit, such as `5s` or `1h30m`");
    case "text":
      if (literal.kind === "string") return literal.value;
      if (literal.kind === "symbol") {
        return mismatch(otherSignal ?? `text is written in double quotes: ${code(JSON.stringify(literal.name))}`);
      }
      return mismatch("text is written in double quotes");
    case "enum":
      if (literal.kind === "symbol") {
        if (type.members.includes(literal.name)) return literal.name;
        const close = suggestion(literal.name, type.members, literal.span);
        ctx.report(
          "unknown-value",
          literal.span,
          `${code(literal.name)} is not a member of ${code(signal.name)} (${membersText(type.members)})`,
          close?.hint ?? otherSignal,
          close?.fixes,
        );
        return undefined;
      }
      if (literal.kind === "string") {
        return mismatch(
          type.members.includes(literal.value)
            ? `write the member without quotes: ${code(literal.value)}`
            : `an enum member is written without quotes, e.g. ${code(type.members[0] ?? "member")}`,
        );
      }
      return mismatch(`write one of its members: ${membersText(type.members)}`);
  }
}

function checkNumber(
  ctx: Context,
  signal: SignalInfo,
  type: Extract<SignalType, { kind: "number" }>,
  literal: Extract<Literal, { kind: "number" }>,
): number | undefined {
  const value = literal.value;
  if (!Number.isFinite(value)) {
    ctx.report("out-of-range", literal.span, `${code(literal.raw)} is too large to be a number`);
    return undefined;
  }
  if (type.integer && !Number.isInteger(value)) {
    ctx.report("out-of-range", literal.span, `${code(literal.raw)} is not a whole number, but ${code(signal.name)} is an int`);
    return undefined;
  }
  if ((type.min !== null && value < type.min) || (type.max !== null && value > type.max)) {
    ctx.report(
      "out-of-range",
      literal.span,
      `${code(literal.raw)} is outside the range of ${code(signal.name)}, ${code(rangeText(type))}`,
    );
    return undefined;
  }
  return value;
}
