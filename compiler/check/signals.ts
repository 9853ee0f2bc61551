/** Looking up a signal by name: `unknown-signal` with a did-you-mean hint. */
import type { Name } from "../../grammar/ast.ts";
import { code, type Context, type Scope, type SignalInfo } from "./context.ts";
import { suggestion } from "./suggest.ts";

/**
 * The declared signal, or undefined. Nothing is reported when there is no `signals` block at all
 * (`missing-signals` says it once), so a missing block does not flood the file with errors.
 */
export function lookupSignal(ctx: Context, scope: Scope, name: Name): SignalInfo | undefined {
  const info = scope.signals.get(name.text);
  if (info || !scope.hasSignals) return info;
  const close = suggestion(name.text, scope.signals.keys(), name.span);
  ctx.report("unknown-signal", name.span, `unknown signal ${code(name.text)}`, close?.hint ?? "declare it in `signals { … }`", close?.fixes);
  return undefined;
}
