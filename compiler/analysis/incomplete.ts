/**
 * `incomplete` (error): without an `otherwise`, some valid input matches no rule. The example is such an
 * input. With an `otherwise` every input is decided, so this never fires.
 */
import { endOf, fileStart } from "../../grammar/ast.ts";
import { diagnostic, type Diagnostic } from "../../diagnostics/index.ts";
import type { AnalysisContext } from "./context.ts";

export function incomplete(ctx: AnalysisContext): Diagnostic[] {
  if (ctx.model.otherwise) return [];
  const example = ctx.winning(-1);
  if (!example) return [];
  const items = ctx.ast.items ?? [];
  const last = items[items.length - 1];
  return [
    {
      ...diagnostic(
        "incomplete",
        last ? endOf(last.span) : fileStart,
        "there is no `otherwise`, and some valid input matches no rule",
        "add `otherwise ACTION` for input that no rule matches, or widen the rules; the example matches none",
      ),
      example,
    },
  ];
}
