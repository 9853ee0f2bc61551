/**
 * `unsatisfiable-condition` (warning): no valid input satisfies a rule's condition (`n > 3 and n < 2`,
 * `tier is pro and tier is free`, `n > 3 and n < 4` for an int). Such a rule is not also reported as
 * unreachable.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics/index.ts";
import type { AnalysisContext } from "./context.ts";

export function unsatisfiableCondition(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  ctx.model.rules.forEach((rule, i) => {
    if (ctx.matching(i) !== null) return;
    out.push(
      diagnostic(
        "unsatisfiable-condition",
        ctx.spans[i]!.condition,
        `the condition of rule \`${rule.name}\` never holds: no valid input satisfies it`,
        "compare the comparisons with each other and with the signals' declared ranges (an int has no value between 3 and 4)",
      ),
    );
  });
  return out;
}
