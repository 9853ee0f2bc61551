/**
 * `reason` and `say` text: every `{signal}` must name a declared signal (`unknown-signal`), and none
 * may appear inside `on invalid` (`bad-interpolation`), where the signals may be what is invalid.
 * `{within}` (unless a signal is called `within`) is the outcome's deadline in words, "2 hours" or
 * "4 business hours", fixed when the contract compiles; on an outcome without `within` it is a
 * `bad-interpolation`.
 */
import type { StringLiteral } from "../../grammar/ast.ts";
import type { Template } from "../model.ts";
import { code, type Context, type Scope } from "./context.ts";
import { withinWords, type Promise } from "./promise-words.ts";
import { lookupSignal } from "./signals.ts";

export function checkTemplate(ctx: Context, scope: Scope, text: StringLiteral, inOnInvalid: boolean, promise: Promise | null = null): Template {
  const parts: Template[number][] = [];
  for (const part of text.parts ?? []) {
    if (part.kind === "text") {
      if (part.value !== "") parts.push({ kind: "text", value: part.value });
      continue;
    }
    if (part.name.text === "within" && !scope.signals.has("within")) {
      if (promise !== null) parts.push({ kind: "text", value: withinWords(promise) });
      else ctx.report("bad-interpolation", part.span, "`{within}` says the outcome's deadline, and this outcome has no `within`", "add `within DURATION` to the action, or write the time in the text");
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
    const signal = lookupSignal(ctx, scope, part.name);
    if (signal) parts.push({ kind: "signal", signal: part.name.text, ...(signal.type?.kind === "duration" ? { duration: true as const } : {}) });
  }
  // `{within}` became text: join it with its neighbours, so text parts never touch.
  return parts.reduce<Template[number][]>((out, part) => {
    const last = out[out.length - 1];
    if (part.kind === "text" && last?.kind === "text") out[out.length - 1] = { kind: "text", value: last.value + part.value };
    else out.push(part);
    return out;
  }, []);
}
