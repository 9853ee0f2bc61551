/**
 * The literals a contract mentions, per signal: every value its rules' conditions compare the signal
 * with, and its default. The emitted arbitraries draw these (and their neighbours) often, because
 * the rules' boundaries sit exactly there; uniform sampling would almost never hit `refundAsked > 500`.
 */
import type { Cond, ContractModel, SignalValue } from "../model.ts";

/** Signal name → the values mentioned for it, in first-mention order, each once. */
export function mentionedLiterals(model: ContractModel): ReadonlyMap<string, readonly SignalValue[]> {
  const found = new Map<string, SignalValue[]>();
  const add = (signal: string, value: SignalValue): void => {
    let list = found.get(signal);
    if (list === undefined) found.set(signal, (list = []));
    if (!list.some((v) => Object.is(v, value))) list.push(value);
  };
  const visit = (cond: Cond): void => {
    switch (cond.kind) {
      case "cmp":
        add(cond.signal, cond.value);
        return;
      case "in":
        for (const value of cond.values) add(cond.signal, value);
        return;
      case "not":
        visit(cond.operand);
        return;
      case "and":
      case "or":
        cond.operands.forEach(visit);
    }
  };
  for (const rule of model.rules) visit(rule.condition);
  for (const signal of model.signals) if (signal.defaultValue !== undefined) add(signal.name, signal.defaultValue);
  return found;
}

/** The finite numbers among `values`, ascending, each once (-0 folded into 0). */
export function sortedNumbers(values: readonly SignalValue[]): number[] {
  const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).map((v) => v + 0);
  return [...new Set(numbers)].sort((a, b) => a - b);
}
