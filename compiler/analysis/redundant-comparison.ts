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
import { intersect, subset } from "./solver/cellset.ts";
import { and, compile, type Node } from "./solver/node.ts";
import { fullBox, satisfiable } from "./solver/search.ts";

/** What was found of one comparison: constant alone, or replaceable by `value` in its condition. */
export type Finding = { readonly leaf: Cond; readonly alone?: boolean; readonly value: boolean };

export function redundantComparison(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  ctx.model.rules.forEach((rule, i) => {
    if (ctx.matching(i) === null) return;
    for (const { leaf, alone, value } of conjunctionFindings(ctx, i) ?? generalFindings(ctx, i)) {
      const span = ctx.spans[i]!.comparisons.get(leaf)!;
      const text = `\`${ctx.textOf(span)}\``;
      if (alone) {
        const verb = value ? "always holds" : "never holds";
        out.push(diagnostic("redundant-comparison", span, `${text} ${verb} for every valid \`${leaf.kind === "cmp" || leaf.kind === "in" ? leaf.signal : ""}\``, "remove it, or check the signal's declared range"));
      } else {
        const fix = value ? "the rest of the condition already implies it: remove it" : "the rest of the condition already decides the inputs where it holds: remove it";
        out.push(diagnostic("redundant-comparison", span, `${text} never changes whether rule \`${rule.name}\` matches`, fix));
      }
    }
  });
  return out;
}

/** Rule i's findings by asking the solver whether each replacement changes the condition on some input. */
export function generalFindings(ctx: AnalysisContext, i: number): Finding[] {
  const found: Finding[] = [];
  const condition = ctx.model.rules[i]!.condition;
  const subst = new Map<object, boolean>();
  for (const leaf of ctx.spans[i]!.comparisons.keys()) {
    const alone = compile(ctx.domain, leaf);
    if (alone.k === "t" || alone.k === "f") {
      found.push({ leaf, alone: true, value: alone.k === "t" });
      subst.set(leaf, alone.k === "t");
      continue;
    }
    for (const value of [true, false]) {
      if (differs(ctx, condition, subst, new Map(subst).set(leaf, value))) continue;
      found.push({ leaf, value });
      subst.set(leaf, value);
      break;
    }
  }
  return found;
}

/**
 * The same findings for a condition that is a conjunction of comparisons, each possibly negated (no
 * `or`, no `not` around anything else), by set algebra on each signal instead of solver questions.
 * Exact because the condition can hold (the caller checks): a conjunct is one signal's set of cells;
 * removing conjunct k changes the condition iff the other remaining conjuncts on k's signal allow a cell
 * k excludes (the other signals' conjuncts are satisfiable together and independent of k's signal), and
 * making it false always changes it. Removing a comparison is replacing it by true, or by false under
 * `not`. Null for any other condition.
 */
export function conjunctionFindings(ctx: AnalysisContext, i: number): Finding[] | null {
  const conjuncts: { readonly leaf: Cond; readonly negated: boolean }[] = [];
  const collect = (cond: Cond): boolean => {
    if (cond.kind === "and") return cond.operands.every(collect);
    const negated = cond.kind === "not";
    const leaf = negated ? cond.operand : cond;
    if (leaf.kind !== "cmp" && leaf.kind !== "in") return false;
    conjuncts.push({ leaf, negated });
    return true;
  };
  if (!collect(ctx.model.rules[i]!.condition)) return null;
  const atoms: Node[] = conjuncts.map(({ leaf, negated }) => compile(ctx.domain, leaf, negated));
  if (atoms.some((a) => a.k !== "t" && a.k !== "atom")) return null;
  const full = fullBox(ctx.domain);
  const removed = new Set<number>();
  const found: Finding[] = [];
  const examined = ctx.spans[i]!.comparisons;
  conjuncts.forEach(({ leaf, negated }, k) => {
    if (!examined.has(leaf)) return;
    const atom = atoms[k]!;
    if (atom.k !== "atom") {
      found.push({ leaf, alone: true, value: !negated });
      removed.add(k);
      return;
    }
    let others = full[atom.s]!;
    atoms.forEach((a, j) => {
      if (j !== k && !removed.has(j) && a.k === "atom" && a.s === atom.s) others = intersect(others, a.set);
    });
    if (subset(others, atom.set)) {
      found.push({ leaf, value: !negated });
      removed.add(k);
    }
  });
  return found;
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
