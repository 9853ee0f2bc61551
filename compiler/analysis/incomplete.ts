/**
 * `incomplete` (error): without an `otherwise`, some valid input matches no rule. The example is such an
 * input. With an `otherwise` every input is decided, so this never fires.
 */
import { endOf, fileStart } from "../../grammar/ast.ts";
import { diagnostic, type Diagnostic, type Fix } from "../../diagnostics/index.ts";
import type { AnalysisContext } from "./context.ts";

export function incomplete(ctx: AnalysisContext): Diagnostic[] {
  if (ctx.model.otherwise) return [];
  const example = ctx.winning(-1);
  if (!example) return [];
  const items = ctx.ast.items ?? [];
  const last = items[items.length - 1];
  const at = last ? endOf(last.span) : fileStart;
  // Which fallback is right is the author's call: neither fix is preferred.
  const add = (outcome: string): Fix => ({ title: `Add \`otherwise ${outcome}\``, span: at, text: `${last ? "\n\n" : ""}otherwise ${outcome}` });
  const owner = ctx.model.owners[0]?.key;
  return [
    {
      ...diagnostic(
        "incomplete",
        at,
        "there is no `otherwise`, and some valid input matches no rule",
        "add `otherwise ACTION` for input that no rule matches, or widen the rules; the example matches none",
        owner === undefined ? [add("answer")] : [add("answer"), add(`route to ${owner}`)],
      ),
      example,
    },
  ];
}
