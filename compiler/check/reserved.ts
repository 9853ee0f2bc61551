/**
 * `reserved-name`: names that JavaScript objects treat specially may not name a signal, field,
 * owner, rule or enum member, because they become object keys and string values at run time.
 */
import type { Name } from "../../grammar/ast.ts";
import { code, type Context } from "./context.ts";

export const reservedNames: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
]);

export type NameRole = "signal" | "field" | "owner" | "calendar" | "rule" | "enum member";

/** Reports a reserved name; returns true when it was one. */
export function checkReserved(ctx: Context, name: Name, role: NameRole): boolean {
  if (!reservedNames.has(name.text)) return false;
  ctx.report(
    "reserved-name",
    name.span,
    `${code(name.text)} can't name ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`,
    `JavaScript objects treat ${code(name.text)} specially; choose another name`,
  );
  return true;
}
