/**
 * The same contract as json-rules-engine rules, translated mechanically from the model, so the
 * benchmark compares like with like. It only matches and picks the winner (it builds no brief),
 * which flatters json-rules-engine.
 */
import { Engine, type TopLevelCondition, type NestedCondition } from "json-rules-engine";
import type { Cond, ContractModel } from "../compiler/model.ts";
import { matchOf, type EngineMatch } from "./engine-match.ts";

const operators = { "==": "equal", "!=": "notEqual", "<": "lessThan", "<=": "lessThanInclusive", ">": "greaterThan", ">=": "greaterThanInclusive" } as const;

function translate(cond: Cond): NestedCondition {
  switch (cond.kind) {
    case "cmp":
      return { fact: cond.signal, operator: operators[cond.op], value: cond.value };
    case "in":
      return { fact: cond.signal, operator: cond.negated ? "notIn" : "in", value: [...cond.values] };
    case "not":
      return { not: translate(cond.operand) };
    case "and":
      return { all: cond.operands.map(translate) };
    case "or":
      return { any: cond.operands.map(translate) };
  }
}

function topLevel(cond: Cond): TopLevelCondition {
  if (cond.kind === "and") return { all: cond.operands.map(translate) };
  if (cond.kind === "or") return { any: cond.operands.map(translate) };
  if (cond.kind === "not") return { not: translate(cond.operand) };
  return { all: [translate(cond)] };
}

/** One json-rules-engine rule per contract rule; each event carries its rule's index. */
function engineFor(model: ContractModel): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  model.rules.forEach((rule, index) => {
    engine.addRule({ name: rule.name, conditions: topLevel(rule.condition), event: { type: rule.action, params: { index } } });
  });
  return engine;
}

/** The matched rules (all of them, in file order) and the winner, for comparing with Zen and the compiled module. */
export function jsonRulesMatcher(model: ContractModel): (signals: Record<string, unknown>) => Promise<EngineMatch> {
  const engine = engineFor(model);
  return async (signals) => {
    const { events } = await engine.run(signals);
    return matchOf(model, events.map((event) => event.params!.index as number));
  };
}

/** The winning rule's name (or "otherwise"), as the contract's policy picks it among the matched rules. */
export function jsonRulesEngineFor(model: ContractModel): (signals: Record<string, unknown>) => Promise<string> {
  const match = jsonRulesMatcher(model);
  return async (signals) => (await match(signals)).winner;
}
