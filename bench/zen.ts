/**
 * A checked contract as a GoRules Zen decision (JSON Decision Model), translated mechanically from the
 * model, for the scale benchmark: one decision table with hit policy `collect`, one input column per
 * signal a rule reads and one column without a field for conditions that are not a plain `and` of
 * comparisons; each row outputs its rule's index. Like bench/json-rules.ts it only matches and picks the
 * winner (it builds no brief), which flatters Zen.
 *
 * In a column with a field, a cell is a unary test of `$` (the field's value); in the column without a
 * field, a cell is a whole expression over the input. An empty cell always holds. Literals are written as
 * JSON, which Zen reads the same way for the plain numbers and strings of the generated contracts (not for
 * exponent notation); test/bench checks the translation against the interpreter.
 */
import { ZenEngine } from "@gorules/zen-engine";
import type { Cond, ContractModel } from "../compiler/model.ts";
import { matchOf, type EngineMatch } from "./engine-match.ts";
import { median } from "./measure.ts";

/** Zen's expression for `cond`, reading a signal through `ref` (`$` in a unary cell). */
function expression(cond: Cond, ref: (signal: string) => string): string {
  switch (cond.kind) {
    case "cmp":
      return `${ref(cond.signal)} ${cond.op} ${JSON.stringify(cond.value)}`;
    case "in": {
      const test = `${ref(cond.signal)} in [${cond.values.map((v) => JSON.stringify(v)).join(", ")}]`;
      return cond.negated ? `not (${test})` : test;
    }
    case "not":
      return `not (${expression(cond.operand, ref)})`;
    case "and":
    case "or":
      return cond.operands.map((o) => `(${expression(o, ref)})`).join(` ${cond.kind} `);
  }
}

const atoms = (cond: Cond): Cond[] => (cond.kind === "and" ? cond.operands.flatMap(atoms) : [cond]);
const perSignal = (cond: Cond): cond is Extract<Cond, { kind: "cmp" | "in" }> => cond.kind === "cmp" || cond.kind === "in";

/** The JDM document: input node → decision table (collect) → output node. */
export function zenDocument(model: ContractModel): object {
  const columns = new Map<string, string>();
  const rows = model.rules.map((rule, index) => {
    const row: Record<string, string> = { _id: `r${index}`, rule: String(index) };
    const parts = atoms(rule.condition);
    if (!parts.every(perSignal)) {
      row.whole = expression(rule.condition, (signal) => signal);
      return row;
    }
    const bySignal = new Map<string, string[]>();
    for (const part of parts) bySignal.set(part.signal, [...(bySignal.get(part.signal) ?? []), expression(part, () => "$")]);
    for (const [signal, tests] of bySignal) {
      if (!columns.has(signal)) columns.set(signal, `s${columns.size}`);
      row[columns.get(signal)!] = tests.map((t) => `(${t})`).join(" and ");
    }
    return row;
  });
  const inputs = [...[...columns].map(([signal, id]) => ({ id, name: signal, field: signal })), { id: "whole", name: "condition" }];
  const filled = rows.map((row) => Object.fromEntries([...inputs.map((c) => [c.id, row[c.id] ?? ""]), ["_id", row._id], ["rule", row.rule]]));
  const position = { x: 0, y: 0 };
  return {
    contentType: "application/vnd.gorules.decision",
    nodes: [
      { id: "request", type: "inputNode", name: "Request", position },
      { id: "rules", type: "decisionTableNode", name: model.name, position, content: { hitPolicy: "collect", inputs, outputs: [{ id: "rule", name: "rule", field: "rule" }], rules: filled } },
      { id: "response", type: "outputNode", name: "Response", position },
    ],
    edges: [
      { id: "e1", type: "edge", sourceId: "request", targetId: "rules" },
      { id: "e2", type: "edge", sourceId: "rules", targetId: "response" },
    ],
  };
}

/** The matched rules (all of them, in file order) and the winner by Zen, as the contract's policy picks it. */
export function zenMatcher(model: ContractModel): (signals: Record<string, unknown>) => Promise<EngineMatch> {
  const decision = new ZenEngine().createDecision(zenDocument(model));
  return async (signals) => {
    const { result } = await decision.evaluate(signals);
    return matchOf(model, (result as { rule: number }[]).map((r) => r.rule));
  };
}

/** Zen's own figure for one evaluation (its `performance` field: the time inside the engine, without the call from JavaScript), in ns. */
export function zenReportedNs(performance: string): number {
  const match = /^([\d.]+)\s*(ns|µs|us|ms|s)$/.exec(performance.trim());
  if (!match) return Number.NaN;
  const scale = { ns: 1, µs: 1e3, us: 1e3, ms: 1e6, s: 1e9 }[match[2] as "ns" | "µs" | "us" | "ms" | "s"];
  return Number(match[1]) * scale;
}

/** The median of Zen's own figures over `inputs`, evaluated in turn. */
export async function zenReportedMedianNs(model: ContractModel, inputs: readonly Record<string, unknown>[]): Promise<number> {
  const decision = new ZenEngine().createDecision(zenDocument(model));
  const figures: number[] = [];
  for (const input of inputs) figures.push(zenReportedNs((await decision.evaluate(input)).performance));
  return median(figures);
}
