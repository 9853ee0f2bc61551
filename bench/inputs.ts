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
 * Every input carries every signal in declaration order, built by one object literal, as a host that
 * writes `decide({ sentiment, tier, … })` on every turn does (so the inputs share one shape with its
 * properties in the object, as they do in production). Objects built key by key instead end up in a
 * slower layout, which would measure the inputs more than the code under test.
 */
export function randomInputs(model: ContractModel, count: number, seed = 7): Record<string, SignalValue>[] {
  const random = prng(seed);
  const literals = literalsBySignal(model);
  const literal = objectLiteral(model.signals.map((s) => s.name));
  return Array.from({ length: count }, () => literal(model.signals.map((signal) => valueFor(signal, literals.get(signal.name) ?? [], random))));
}

/** A function returning `{ [names[0]]: values[0], … }` written as one object literal. */
function objectLiteral(names: readonly string[]): (values: readonly SignalValue[]) => Record<string, SignalValue> {
  // In a literal, a `__proto__` key would set the prototype: such a contract gets objects built key by key.
  if (names.includes("__proto__")) {
    return (values) => {
      const input: Record<string, SignalValue> = {};
      names.forEach((name, i) => Object.defineProperty(input, name, { value: values[i], enumerable: true, writable: true, configurable: true }));
      return input;
    };
  }
  const body = `return { ${names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`).join(", ")} };`;
  return new Function("values", body) as (values: readonly SignalValue[]) => Record<string, SignalValue>;
}
