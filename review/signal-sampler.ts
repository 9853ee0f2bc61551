/**
 * Plausible signal values for synthetic conversations: most signals with a default keep it (as in real
 * traffic, where most turns are unremarkable), numbers stay within the signal's range (or, unranged,
 * one around the literals the rules mention) and land near those thresholds half the time, enum members that severe rules mention are rarer (a red flag is rarer than a
 * booking), and a conversation changes a signal or two from one turn to the next.
 */
import type { Cond, ContractModel, SignalModel, SignalValue } from "../compiler/model.ts";
import { severityRank } from "../grammar/vocabulary.ts";
import { below, type Random } from "./random.ts";

const LANGUAGES = ["en", "en", "en", "de", "fr", "nl", "es", "pt"];

export class SignalSampler {
  private readonly literals = new Map<string, SignalValue[]>();
  /** Per enum signal, a weight per member: rarer the more severe the rules that mention it. */
  private readonly weights = new Map<string, number[]>();

  constructor(
    private readonly model: ContractModel,
    private readonly random: Random,
  ) {
    const severity = new Map<string, number>();
    for (const rule of model.rules) {
      const visit = (c: Cond): void => {
        if (c.kind === "cmp" || c.kind === "in") {
          const values = c.kind === "cmp" ? [c.value] : c.values;
          this.note(c.signal, values);
          for (const v of values) {
            const key = `${c.signal}\u0000${String(v)}`;
            severity.set(key, Math.max(severity.get(key) ?? 0, 1 + severityRank[rule.action]));
          }
        } else if (c.kind === "not") visit(c.operand);
        else c.operands.forEach(visit);
      };
      visit(rule.condition);
    }
    for (const s of model.signals) {
      if (s.type.kind === "enum") this.weights.set(s.name, s.type.members.map((m) => 0.45 ** (severity.get(`${s.name}\u0000${m}`) ?? 0)));
    }
  }

  /** A first turn's signals: every signal present, in declaration order. */
  initial(): Record<string, SignalValue> {
    const signals: Record<string, SignalValue> = {};
    for (const s of this.model.signals) signals[s.name] = this.first(s);
    return signals;
  }

  /** The next turn's signals: one signal redrawn about half the time, the rest unchanged. */
  next(previous: Record<string, SignalValue>): Record<string, SignalValue> {
    const signals = { ...previous };
    if (this.random() < 0.5) {
      const s = this.model.signals[below(this.random, this.model.signals.length)]!;
      signals[s.name] = this.any(s);
    }
    return signals;
  }

  /** `previous` with `count` signals (picked at random, possibly the same twice) drawn afresh. */
  redraw(previous: Record<string, SignalValue>, count: number): Record<string, SignalValue> {
    const signals = { ...previous };
    for (let i = 0; i < count && this.model.signals.length > 0; i++) {
      const s = this.model.signals[below(this.random, this.model.signals.length)]!;
      signals[s.name] = this.any(s);
    }
    return signals;
  }

  private note(signal: string, values: readonly SignalValue[]): void {
    this.literals.set(signal, [...(this.literals.get(signal) ?? []), ...values]);
  }

  private first(s: SignalModel): SignalValue {
    if (s.defaultValue !== undefined && this.random() < 0.9) return s.defaultValue;
    return this.any(s);
  }

  private any(s: SignalModel): SignalValue {
    const t = s.type;
    const r = this.random;
    const literals = this.literals.get(s.name) ?? [];
    switch (t.kind) {
      case "bool":
        return r() < 0.07;
      case "enum":
        return weighted(t.members, this.weights.get(s.name)!, r());
      case "text": {
        const strings = literals.filter((v): v is string => typeof v === "string");
        return strings.length > 0 && r() < 0.3 ? strings[below(r, strings.length)]! : LANGUAGES[below(r, LANGUAGES.length)]!;
      }
      case "duration":
      case "number": {
        // The declared range, else one around the rules' literals (0 to twice the largest), else 0..100 (an hour for durations).
        const numbers = literals.filter((v): v is number => typeof v === "number");
        const min = t.kind === "number" ? (t.min ?? Math.min(0, ...numbers)) : 0;
        const fallback = t.kind === "duration" ? 3600 : 100;
        const max = t.kind === "number" && t.max !== null ? t.max : numbers.length > 0 ? Math.max(min + 1, ...numbers.map((n) => n * 2)) : Math.max(min + fallback, fallback);
        let v = numbers.length > 0 && r() < 0.5 ? numbers[below(r, numbers.length)]! * (0.8 + 0.4 * r()) : min + r() * (max - min);
        v = Math.min(max, Math.max(min, v));
        if (t.kind === "duration" || t.integer) return Math.min(max, Math.max(min, Math.round(v)));
        return Math.round(v * 100) / 100;
      }
    }
  }
}

function weighted<T>(items: readonly T[], weights: readonly number[], u: number): T {
  let total = 0;
  for (const w of weights) total += w;
  let x = u * total;
  for (let i = 0; i < items.length; i++) if ((x -= weights[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
}
