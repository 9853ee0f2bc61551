/**
 * `monotone SIGNAL increasing|decreasing`: the signal must be declared (`unknown-signal`) and ordered
 * (number, int, duration, or bool with false < true; an enum or text is a `type-mismatch`), and
 * declared monotone at most once (`duplicate-declaration`). Whether the property holds is proven
 * afterwards by compiler/analysis/not-monotone.ts.
 */
import type { MonotoneDecl } from "../../grammar/ast.ts";
import type { MonotoneModel } from "../model.ts";
import { code, type Context, type Scope } from "./context.ts";
import { lookupSignal } from "./signals.ts";
import { monotoneAllowed } from "../../grammar/vocabulary.ts";
import { describeType, typeName } from "./types.ts";

export function checkMonotone(ctx: Context, scope: Scope, decls: readonly MonotoneDecl[]): MonotoneModel[] {
  const out: MonotoneModel[] = [];
  const seen = new Map<string, number>();
  for (const decl of decls) {
    const name = decl.signal;
    const earlier = seen.get(name.text);
    if (earlier !== undefined) {
      ctx.report(
        "duplicate-declaration",
        decl.span,
        `${code(name.text)} is already declared monotone, on line ${earlier}`,
        "declare each signal monotone once",
      );
      continue;
    }
    seen.set(name.text, decl.span.startLine);
    const signal = lookupSignal(ctx, scope, name);
    if (!signal) continue;
    const type = signal.type;
    if (type && !monotoneAllowed(typeName(type))) {
      ctx.report(
        "type-mismatch",
        name.span,
        `${code(signal.name)} is ${describeType(type)}, which has no order, so it can't be monotone`,
        "`monotone` takes a number, int, duration or bool signal",
      );
      continue;
    }
    out.push({ signal: signal.name, direction: decl.direction, span: decl.span });
  }
  return out;
}
