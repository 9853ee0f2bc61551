/**
 * The `indexed` Python strategy (plan.ts), on the rule index of the TypeScript target
 * (compiler/codegen/cells.ts): each indexed signal's validated value is classified into its cell; per
 * signal and cell a CPython int is the bit set of the rules that can hold there (bit j is rule j); the
 * AND of those ints over the signals is the candidates, and only the candidates the sets do not decide
 * alone are tested. Bits are read from the lowest up, so the matched rules come out in file order.
 *
 * The bit sets are built when the module is imported, from runs of cells per rule (as compactly as the
 * TypeScript module holds them): written out, they would take cells × rules bits of source.
 */
import type { Cell } from "../analysis/solver/domain.ts";
import { ruleIndex, type RuleIndex } from "../codegen/cells.ts";
import type { ContractModel, SignalModel } from "../model.ts";
import { pyCondition, signalsByName } from "./conditions.ts";
import { pyLiteral, pyNumber, pyStr } from "./literals.ts";

/** The module-level tables and `def _match(values)` for `model`, whose index is `index` (computed when absent). */
export function indexedMatch(model: ContractModel, index: RuleIndex = ruleIndex(model)): string {
  const n = model.rules.length;
  const signals = signalsByName(model.signals);
  const read = (name: string): string => `s[${pyStr(name)}]`;
  const never = model.rules.flatMap((_, j) => (index.never[j] ? [j] : []));
  const out = [
    "# Rules some valid input satisfies, as a bit set (bit j: rule j).",
    `_LIVE = _all_rules_but(${n}, (${never.map((j) => `${j}, `).join("")}))`,
    "# Per rule, None when the bit sets decide it alone, else the test of its condition.",
    "_TESTS: Tuple[Optional[_Test], ...] = (",
    ...model.rules.map((rule, j) => (index.exact[j] || index.never[j] ? "    None," : `    lambda s: ${pyCondition(rule.condition, signals, read)},`)),
    ")",
  ];
  const locals: string[] = [];
  const reads: string[] = [];
  for (const sig of index.signals) {
    const signal = model.signals[sig.signal]!;
    const cells = index.domain.signals[sig.signal]!.cells;
    const k = sig.signal;
    out.push(
      "",
      `# Signal ${k}, ${cells.length} cells; per rule that narrows it: rule, number of runs, then first, last cell of each run.`,
      `_MASK_${k} = _rule_masks(_LIVE, ${n}, ${cells.length}, (${sig.allowed.map(({ rule, runs }) => `${rule}, ${runs.length / 2}, ${runs.join(", ")}, `).join("")}))`,
    );
    const classify = classifier(signal, cells, `_CELLS_${k}`);
    if (classify.table !== null) out.push(classify.table);
    locals.push(`    v${k} = values[${pyStr(signal.name)}]`);
    reads.push(`_MASK_${k}[${classify.expression(`v${k}`)}]`);
  }
  const [first, ...rest] = reads;
  out.push(
    "",
    "",
    "def _match(values: Dict[str, Any]) -> List[_Row]:",
    '    """The rows of the rules whose condition holds for the validated `values`, in file order."""',
    ...locals,
    `    bits = ${first ?? "_LIVE"}`,
    ...rest.flatMap((r) => ["    if not bits:", "        return []", `    bits &= ${r}`]),
    "    return _rows_of(bits, _TESTS, _RULES, values)",
  );
  return out.join("\n");
}

/** How `_match` finds a value's cell: an expression over `v` (the value read once), and a table it needs. */
function classifier(signal: SignalModel, cells: readonly Cell[], tableName: string): { expression(v: string): string; table: string | null } {
  switch (signal.type.kind) {
    case "bool":
      // Cells are (False, True) (analysis/solver/domain.ts): the bool itself is the index.
      return { expression: (v) => v, table: null };
    case "enum":
    case "text": {
      const other = Math.max(0, cells.findIndex((c) => c.kind === "other"));
      const entries = cells.flatMap((cell, i) => (cell.kind === "value" ? [`${pyLiteral(cell.rep)}: ${i}`] : []));
      return { expression: (v) => `${tableName}.get(${v}, ${other})`, table: `${tableName}: Dict[str, int] = {${entries.join(", ")}}` };
    }
    case "number":
    case "duration":
      return { expression: (v) => search(cells, 0, cells.length - 1, v), table: null };
  }
}

/** A balanced search over the cells lo..hi (ascending, contiguous over valid values) by their upper ends. */
function search(cells: readonly Cell[], lo: number, hi: number, v: string): string {
  if (lo === hi) return String(lo);
  const mid = (lo + hi) >> 1;
  const cell = cells[mid]!;
  // INVARIANT: numeric cells are ranges; every cell but the last has an upper end.
  if (cell.kind !== "range" || cell.hi === null) throw new Error("python: a numeric cell without an upper end");
  return `(${search(cells, lo, mid, v)} if ${v} ${cell.hiClosed ? "<=" : "<"} ${pyNumber(cell.hi)} else ${search(cells, mid + 1, hi, v)})`;
}
