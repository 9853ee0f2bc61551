/**
 * The `inline` Python strategy (plan.ts): `_match` reads each signal some rule tests into a local once,
 * then tests every rule in file order with one `if` on those locals, appending the rule's table row.
 */
import { decisionSignals, type ContractModel } from "../model.ts";
import { pyCondition, signalsByName } from "./conditions.ts";
import { pyStr } from "./literals.ts";

/** `def _match(values)`: the table rows of the rules that hold, in file order. */
export function inlineMatch(model: ContractModel): string {
  const signals = signalsByName(decisionSignals(model));
  const local = new Map(model.signals.map((s, i) => [s.name, `v${i}`]));
  // A calendar's open state (`@NAME`, set by `_derive`) is read from `values` where it is tested.
  const read = (name: string): string => local.get(name) ?? `values[${pyStr(name)}]`;
  const used = new Set(model.rules.flatMap((r) => r.reads));
  const out = [
    "def _match(values: Dict[str, Any]) -> List[_Row]:",
    '    """The rows of the rules whose condition holds for the validated `values`, in file order."""',
    ...model.signals.flatMap((s, i) => (used.has(s.name) ? [`    v${i} = values[${pyStr(s.name)}]`] : [])),
    "    rows = _RULES",
    "    matched: List[_Row] = []",
  ];
  model.rules.forEach((rule, j) => {
    out.push(`    if ${pyCondition(rule.condition, signals, read)}:`, `        matched.append(rows[${j}])`);
  });
  out.push("    return matched");
  return out.join("\n");
}
