/**
 * `reason` and `say` text: every `{signal}` must name a declared signal (`unknown-signal`), and none
 * may appear inside `on invalid` (`bad-interpolation`), where the signals may be what is invalid.
 */
import type { StringLiteral } from "../../grammar/ast.ts";
import type { Template } from "../model.ts";
import { code, type Context, type Scope } from "./context.ts";
import { lookupSignal } from "./signals.ts";

export function checkTemplate(ctx: Context, scope: Scope, text: StringLiteral, inOnInvalid: boolean): Template {
  const parts: Template[number][] = [];
  for (const part of text.parts ?? []) {
    if (part.kind === "text") {
      if (part.value !== "") parts.push({ kind: "text", value: part.value });
      continue;
    }
    if (inOnInvalid) {
      ctx.report(
        "bad-interpolation",
        part.span,
        `\`on invalid\` can't show ${code(`{${part.name.text}}`)}, because the signals may be what is invalid`,
        "write the text without `{…}`, or write `\\{` for a literal brace",
      );
      continue;
    }
    if (lookupSignal(ctx, scope, part.name)) parts.push({ kind: "signal", signal: part.name.text });
  }
  return parts;
}
