/** Random valid signals for a contract, seeded: values near the literals the rules mention, so rules fire. */
import type { Cond, ContractModel, SignalModel, SignalValue } from "../compiler/model.ts";
import { prng } from "./synthetic.ts";

function literalsBySignal(model: ContractModel): Map<string, SignalValue[]> {
  const found = new Map<string, SignalValue[]>();
  const visit = (c: Cond): void => {
    if (c.kind === "cmp") found.set(c.signal, [...(found.get(c.signal) ?? []), c.value]);
    else if (c.kind === "in") found.set(c.signal, [...(found.get(c.signal) ?? []), ...c.values]);
    else if (c.kind === "not") visit(c.operand);
    else c.operands.forEach(visit);
  };
  model.rules.forEach((r) => visit(r.condition));
  return found;
}

function valueFor(signal: SignalModel, literals: readonly SignalValue[], random: () => number): SignalValue {
  const t = signal.type;
  switch (t.kind) {
    case "bool":
      return random() < 0.08;
    case "enum":
      return t.members[Math.floor(random() * t.members.length)]!;
    case "text": {
      const strings = literals.filter((v): v is string => typeof v === "string");
      return random() < 0.5 && strings.length > 0 ? strings[Math.floor(random() * strings.length)]! : ["en", "nl", "pt", ""][Math.floor(random() * 4)]!;
    }
    case "duration":
    case "number": {
      const numbers = literals.filter((v): v is number => typeof v === "number");
      const min = t.kind === "number" ? (t.min ?? -1000) : 0;
      const max = t.kind === "number" ? (t.max ?? Math.max(1000, ...numbers.map((n) => n * 2))) : 7200;
      let v = random() < 0.6 && numbers.length > 0 ? numbers[Math.floor(random() * numbers.length)]! + (random() - 0.5) : min + random() * (max - min);
      v = Math.min(max, Math.max(min, v));
      return t.kind === "number" && t.integer ? Math.min(max, Math.max(min, Math.round(v))) : v;
    }
  }
}

/**
 * Every input carries every signal in declaration order, as a host that builds the same object
 * literal on every turn does (so the inputs share one shape, as they do in production).
 */
export function randomInputs(model: ContractModel, count: number, seed = 7): Record<string, SignalValue>[] {
  const random = prng(seed);
  const literals = literalsBySignal(model);
  return Array.from({ length: count }, () => {
    const input: Record<string, SignalValue> = {};
    for (const signal of model.signals) input[signal.name] = valueFor(signal, literals.get(signal.name) ?? [], random);
    return input;
  });
}
