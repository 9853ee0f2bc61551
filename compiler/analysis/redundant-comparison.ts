/**
 * `redundant-comparison` (info): a comparison inside a rule's condition that always holds (or never
 * holds) for every valid value of its signal, or whose replacement by true or by false never changes
 * whether the condition holds (decided exactly: the old and new conditions differ on no input).
 * Comparisons are examined left to right and each one found redundant stays replaced while the next
 * are examined, so all reported comparisons of a rule can be removed together. Rules whose condition
 * never holds are left to `unsatisfiable-condition`.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics/index.ts";
import type { Cond } from "../model.ts";
import type { AnalysisContext } from "./context.ts";
import { and, compile } from "./solver/node.ts";
import { fullBox, satisfiable } from "./solver/search.ts";

export function redundantComparison(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { domain } = ctx;
  ctx.model.rules.forEach((rule, i) => {
    if (ctx.matching(i) === null) return;
    const subst = new Map<object, boolean>();
    for (const [leaf, span] of ctx.spans[i]!.comparisons) {
      const text = `\`${ctx.textOf(span)}\``;
      const alone = compile(domain, leaf);
      if (alone.k === "t" || alone.k === "f") {
        const verb = alone.k === "t" ? "always holds" : "never holds";
        out.push(diagnostic("redundant-comparison", span, `${text} ${verb} for every valid \`${leaf.kind === "cmp" || leaf.kind === "in" ? leaf.signal : ""}\``, "remove it, or check the signal's declared range"));
        subst.set(leaf, alone.k === "t");
        continue;
      }
      for (const value of [true, false]) {
        const replaced = new Map(subst).set(leaf, value);
        if (differs(ctx, rule.condition, subst, replaced)) continue;
        out.push(
          diagnostic(
            "redundant-comparison",
            span,
            `${text} never changes whether rule \`${rule.name}\` matches`,
            value ? "the rest of the condition already implies it: remove it" : "the rest of the condition already decides the inputs where it holds: remove it",
          ),
        );
        subst.set(leaf, value);
        break;
      }
    }
  });
  return out;
}

/**
 * Whether the condition under substitution `a` and under `b` disagree on some valid input: one holds
 * and the other does not, asked as two questions (for a conjunction of comparisons each is a
 * conjunction of clauses, the solver's fast shape; their disjunction is not).
 */
function differs(ctx: AnalysisContext, cond: Cond, a: ReadonlyMap<object, boolean>, b: ReadonlyMap<object, boolean>): boolean {
  const d = ctx.domain;
  const box = fullBox(d);
  return (
    satisfiable(and([compile(d, cond, false, a), compile(d, cond, true, b)]), box) ||
    satisfiable(and([compile(d, cond, true, a), compile(d, cond, false, b)]), box)
  );
}
