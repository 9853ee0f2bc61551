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
import type { Action, JsonValue } from "../runtime/prelude/index.ts";
import type { SignalValue } from "../compiler/model.ts";
import { actionNames } from "../grammar/vocabulary.ts";
import { below, seededRandom, type Random } from "./random.ts";
import { SignalSampler } from "./signal-sampler.ts";

export interface GenerateOptions {
  readonly lines: number;
  readonly seed?: string | number;
  /** The period's start (epoch ms); default 2026-11-02T00:00:00Z, or a week before `until`. */
  readonly since?: number;
  /** The period's end (epoch ms, excluded); default a week after `since`. */
  readonly until?: number;
}

/** The default period: the week from Monday 2026-11-02, UTC. */
export const DEFAULT_SINCE = Date.parse("2026-11-02T00:00:00Z");
export const WEEK_MS = 7 * 86_400_000;

/**
 * The share of decisions per action a generated log aims at, as a support desk sees them: most turns
 * answered, handoffs rarer the more severe. Actions the contract cannot take are left out and the
 * rest scaled up.
 */
export const ACTION_MIX: Readonly<Record<Action, number>> = { answer: 0.8, route: 0.11, escalate: 0.05, stop: 0.04 };

interface Pending {
  readonly ms: number;
  readonly seq: number;
  readonly lines: Iterator<{ ms: number; line: string }>;
  readonly line: string;
}

/**
 * Exactly `options.lines` JSONL lines (without newlines), in time order, all within the period.
 * Conversations arrive at random over the period, at the rate that fills it with about that many
 * lines (measured on a pilot run of the same contract); lines a conversation would log after the
 * period ends are left out, as a log cut at that time would have them.
 */
export function* generateLog(model: ContractModel, options: GenerateOptions): Generator<string> {
  const seed = options.seed ?? 1;
  const since = options.since ?? (options.until === undefined ? DEFAULT_SINCE : options.until - WEEK_MS);
  const until = options.until ?? since + WEEK_MS;
  const random = seededRandom(seed);
  const logger = createDecisionLogger({ contract: { name: model.name, version: model.version, hash: model.sourceHash }, pii: piiNames(model) });
  const mix = actionMix(model);
  const setup = { model, logger, mix, random, signals: new SignalSampler(model, random) };
  const perConversation = linesPerConversation(model, seed, mix);
  const meanGap = (until - since) / Math.max(1, (options.lines / perConversation) * 1.05);
  const heap: Pending[] = [];
  let seq = 0;
  let started = 0;
  let clock = since;
  let arrival = since + Math.floor(exponential(random) * meanGap);
  for (let emitted = 0; emitted < options.lines; ) {
    // Too few lines before the period ends (a small log, or more cut off than expected): the remaining
    // conversations start between the last line and the end.
    if (heap.length === 0 && arrival >= until) arrival = clock + Math.floor(((until - clock) * random()) / ((options.lines - emitted) / perConversation + 1));
    if (arrival < until && (heap.length === 0 || arrival <= heap[0]!.ms)) {
      const id = `c-${(++started).toString(36).padStart(5, "0")}`;
      schedule(conversation({ ...setup, id, start: arrival }));
      arrival += Math.floor(exponential(random) * meanGap);
      continue;
    }
    const top = pop(heap)!;
    clock = top.ms;
    yield top.line;
    emitted++;
    schedule(top.lines);
  }

  function schedule(lines: Iterator<{ ms: number; line: string }>): void {
    const next = lines.next();
    if (!next.done && next.value.ms < until) push(heap, { ms: next.value.ms, seq: seq++, lines, line: next.value.line });
  }
}

/** The average number of lines of a conversation of `model`, from a pilot run of 300 of them. */
function linesPerConversation(model: ContractModel, seed: string | number, mix: ActionWeights): number {
  const random = seededRandom(`${seed}\u0000pilot`);
  const logger = createDecisionLogger({ contract: { name: model.name, version: model.version, hash: model.sourceHash }, pii: piiNames(model) });
  const setup = { model, logger, mix, random, signals: new SignalSampler(model, random) };
  const runs = 300;
  let lines = 0;
  for (let i = 0; i < runs; i++) for (const _ of conversation({ ...setup, id: "pilot", start: 0 })) lines++;
  return lines / runs;
}

type ActionWeights = readonly (readonly [Action, number])[];

/** ACTION_MIX restricted to the actions `model` can decide (its rules, `otherwise`), scaled to sum to 1. */
function actionMix(model: ContractModel): ActionWeights {
  const possible = new Set<Action>([...model.rules.map((r) => r.action), ...(model.otherwise ? [model.otherwise.action] : [])]);
  const weights = actionNames.filter((a) => possible.has(a)).map((a) => [a, ACTION_MIX[a]] as const);
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  return weights.map(([a, w]) => [a, w / total] as const);
}

/** -ln(U): an exponential variate with mean 1, for Poisson arrivals. */
const exponential = (random: Random) => -Math.log(1 - random());

interface ConversationSetup {
  readonly id: string;
  readonly start: number;
  readonly model: ContractModel;
  readonly logger: DecisionLogger;
  readonly signals: SignalSampler;
  readonly random: Random;
  readonly mix: ActionWeights;
}

/** Tries per turn at signals the contract decides with the turn's intended action. */
const TRIES = 12;

/**
 * The signals of a turn: an action is drawn from the mix, and the turn's signals are the first of a
 * few variations of `previous` (or fresh signals) that the contract decides with that action; the
 * first variation when none does. So the mix of actions is the mix the contract allows, close to
 * ACTION_MIX, whatever share of random inputs its rules happen to match.
 */
function turnSignals(s: ConversationSetup, previous: Record<string, SignalValue> | null, context: unknown): Record<string, SignalValue> {
  const target = weightedAction(s.mix, s.random());
  let first: Record<string, SignalValue> | null = null;
  for (let i = 0; i < TRIES; i++) {
    const candidate = previous === null || i >= TRIES / 2 ? s.signals.initial() : i === 0 ? s.signals.next(previous) : s.signals.redraw(previous, 1 + (i % 3));
    first ??= candidate;
    if (interpret(s.model, candidate, context).action === target) return candidate;
  }
  return first!;
}

function weightedAction(mix: ActionWeights, u: number): Action {
  for (const [action, w] of mix) if ((u -= w) < 0) return action;
  return mix[mix.length - 1]![0];
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
  let input = turnSignals(s, null, { now: ms, customer, collected });
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
      if (random() < 0.04) {
        yield event("asked-for-human", ms, turn);
        input = s.signals.next(input);
        if (model.signals.some((x) => x.name === "asksForHuman" && x.type.kind === "bool")) input.asksForHuman = true;
      } else input = turnSignals(s, input, { now: ms, customer, collected });
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
    input = turnSignals(s, input, { now: ms, customer, collected });
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
