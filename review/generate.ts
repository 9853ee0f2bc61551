/**
 * Synthetic decision logs for any contract: interleaved conversations of several turns, each turn
 * decided by actually running the contract (the reference interpreter), with the events a host
 * records (a customer asking for a person, handoffs accepted on time, late or never, stops that
 * confuse the customer, reopened cases) at rates that make every kind of near miss occur. Lines come
 * out in time order, logged through runtime/log.ts, so pii is redacted as a host's log would be.
 */
import { piiNames, type ContractModel, type FieldModel } from "../compiler/model.ts";
import { interpret } from "../compiler/interpret.ts";
import { createDecisionLogger, type ConversationEvent, type DecisionLogger } from "../runtime/log.ts";
import type { JsonValue } from "../runtime/prelude/index.ts";
import { below, seededRandom, type Random } from "./random.ts";
import { SignalSampler } from "./signal-sampler.ts";

export interface GenerateOptions {
  readonly lines: number;
  readonly seed?: string | number;
  /** The first conversation's start (epoch ms); default 2026-11-02T08:00:00Z. */
  readonly start?: number;
  /** Conversations in progress at once (default 200). */
  readonly concurrency?: number;
}

interface Pending {
  readonly ms: number;
  readonly seq: number;
  readonly lines: Iterator<{ ms: number; line: string }>;
  readonly line: string;
}

/** Exactly `options.lines` JSONL lines (without newlines), in time order. */
export function* generateLog(model: ContractModel, options: GenerateOptions): Generator<string> {
  const random = seededRandom(options.seed ?? 1);
  const logger = createDecisionLogger({ contract: { name: model.name, version: model.version, hash: model.sourceHash }, pii: piiNames(model) });
  const signals = new SignalSampler(model, random);
  const heap: Pending[] = [];
  let seq = 0;
  let started = 0;
  let clock = options.start ?? Date.parse("2026-11-02T08:00:00Z");
  const startConversation = (at: number) => {
    const id = `c-${(++started).toString(36).padStart(5, "0")}`;
    schedule(conversation({ id, start: at, model, logger, signals, random }));
  };
  const schedule = (lines: Iterator<{ ms: number; line: string }>) => {
    const next = lines.next();
    if (next.done) startConversation(clock + Math.round(random() * 30_000));
    else push(heap, { ms: next.value.ms, seq: seq++, lines, line: next.value.line });
  };
  for (let i = 0; i < (options.concurrency ?? 200); i++) startConversation(clock + below(random, 600_000));
  for (let emitted = 0; emitted < options.lines; emitted++) {
    const top = pop(heap)!;
    clock = top.ms;
    yield top.line;
    schedule(top.lines);
  }
}

interface ConversationSetup {
  readonly id: string;
  readonly start: number;
  readonly model: ContractModel;
  readonly logger: DecisionLogger;
  readonly signals: SignalSampler;
  readonly random: Random;
}

const MINUTE = 60_000;

/** One conversation's lines, in time order. */
function* conversation(s: ConversationSetup): Generator<{ ms: number; line: string }> {
  const { id, model, logger, random } = s;
  let ms = s.start;
  let turn = 1;
  const turns = 2 + below(random, 7);
  const customer = { id: `C-${10000 + below(random, 90000)}`, name: NAMES[below(random, NAMES.length)]! };
  const collected: Record<string, JsonValue> = {};
  let input = s.signals.initial();
  const event = (event: ConversationEvent, at: number, onTurn: number) => ({ ms: at, line: logger.event({ conversationId: id, turn: onTurn, event, ts: at }) });
  let reopened = false;
  for (;;) {
    if (random() < 0.25 && model.fields.length > 0) {
      const field = model.fields[below(random, model.fields.length)]!;
      collected[field.name] = fakeValue(field, random);
    }
    // A few hosts send a broken turn: a required signal missing.
    const sent = random() < 0.004 ? withoutOneRequired(model, input, random) : input;
    const context = { now: ms, customer, collected: { ...collected } };
    const decision = interpret(model, sent, context);
    yield { ms, line: logger.decision({ conversationId: id, turn, signals: sent, context, decision, ts: ms }) };
    if (decision.action === "answer") {
      if (turn >= turns) return;
      ms += 15_000 + below(random, 120_000);
      turn++;
      input = s.signals.next(input);
      if (random() < 0.04) {
        yield event("asked-for-human", ms, turn);
        if (model.signals.some((x) => x.name === "asksForHuman" && x.type.kind === "bool")) input.asksForHuman = true;
      }
      continue;
    }
    let last = ms;
    if (decision.action === "stop" && random() < 0.12) {
      last = ms + 20_000 + below(random, 60_000);
      yield event(random() < 0.6 ? "customer-confused" : "repeat-question", last, turn + 1);
    }
    const within = (decision.withinSeconds ?? 3600) * 1000;
    const roll = random();
    if (roll < 0.03) return; // never accepted
    const delay = roll < 0.1 ? within * (1.05 + random() * 1.5) : within * (0.05 + random() * 0.9);
    const accepted = Math.max(last + 1000, Math.round(ms + delay));
    yield event("handoff-accepted", accepted, turn + 1);
    const resolved = accepted + 10 * MINUTE + below(random, 120 * MINUTE);
    yield event("handoff-resolved", resolved, turn + 1);
    if (reopened || random() > 0.05) return;
    reopened = true;
    ms = resolved + below(random, 2 * 86_400_000);
    turn += 2;
    yield event("reopened", ms, turn);
    input = s.signals.next(s.signals.next(input));
  }
}

function withoutOneRequired(model: ContractModel, input: Record<string, unknown>, random: Random): Record<string, unknown> {
  const required = model.signals.filter((x) => x.defaultValue === undefined);
  if (required.length === 0) return input;
  const copy = { ...input };
  delete copy[required[below(random, required.length)]!.name];
  return copy;
}

const NAMES = ["Maria Keller", "Sam Okafor", "Lea Dubois", "Jonas Berg", "Aiko Tanaka", "Priya Nair", "Tom Visser", "Ana Souza"];

function fakeValue(field: FieldModel, random: Random): JsonValue {
  if (field.type === "number") return 1 + below(random, 500);
  if (field.type === "bool") return random() < 0.5;
  const n = 10000 + below(random, 90000);
  const name = field.name.toLowerCase();
  if (name.includes("email")) return `customer${n}@example.com`;
  if (name.includes("phone")) return `+31 6 ${n}${n % 1000}`;
  if (name.includes("birth")) return `19${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 10}`;
  return `${field.name.slice(0, 3).toUpperCase()}-${n}`;
}

// A binary min-heap on (ms, seq): the next line in time order, ties in scheduling order.
const before = (a: Pending, b: Pending) => a.ms < b.ms || (a.ms === b.ms && a.seq < b.seq);

function push(heap: Pending[], item: Pending): void {
  heap.push(item);
  for (let i = heap.length - 1; i > 0; ) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function pop(heap: Pending[]): Pending | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last !== undefined) {
    heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
  return top;
}
