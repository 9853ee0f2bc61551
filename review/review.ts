/**
 * `handoff review` in one streaming pass: figures per action and per rule, near misses, a stratified
 * reproducible sample and the bad lines. Memory is bounded by the sample size, the number of distinct
 * rules and the open conversations of the near-miss detector, never by the length of the log.
 */
import type { Action } from "../runtime/prelude/index.ts";
import { actionNames } from "../grammar/vocabulary.ts";
import type { DecisionHead } from "./heads.ts";
import { forEachHead } from "./heads-stream.ts";
import { BadLines, type BadLine } from "./jsonl.ts";
import { NearMissDetector, nearMissDefinitions, nearMissKinds, type NearMissKind, type NearMissOptions, type Tracked } from "./near-miss.ts";
import { seededRandom } from "./random.ts";
import { StratifiedSample } from "./sampler.ts";

export interface ReviewOptions extends NearMissOptions {
  /** Decisions sampled per action (default 5). */
  readonly sample?: number;
  readonly seed?: string;
  /** Lines before `since` or at/after `until` (epoch ms) are skipped. */
  readonly since?: number;
  readonly until?: number;
  /** Owners' names as the contract gives them, by key, for the per-owner figures. */
  readonly ownerNames?: Readonly<Record<string, string>>;
  /** Rule names the contract declares, so rules that never fired are listed even if absent from the log. */
  readonly knownRules?: readonly string[];
  /** Directory the file names are relative to (default: the process's). */
  readonly cwd?: string;
  /** Worker threads that parse the log (default: chosen by its size; see heads-stream.ts). */
  readonly workers?: number;
}

export interface SampledDecision {
  readonly file: string;
  readonly line: number;
  readonly ts: string;
  readonly conversationId: string;
  readonly turn: number;
  readonly action: Action;
  readonly rule: string;
  readonly owner: string | null;
  /** The owner's name as the contract gives it (`ownerName`), or null. */
  readonly ownerName: string | null;
  readonly deadline: string | null;
  readonly reasons: readonly string[];
  readonly say: string | null;
  readonly signals: Record<string, unknown>;
  /** The signals the deciding rule read, as its brief's evidence holds them (none for an answer without a brief). */
  readonly evidence: Record<string, unknown>;
}

export interface Figure {
  readonly decisions: number;
  /** Of all decisions in the period, 0..1. */
  readonly share: number;
  readonly nearMisses: number;
  /** Near-miss decisions / decisions, 0..1. */
  readonly nearMissRate: number;
}

/**
 * One owner's handoffs (routes, escalations and stops to it). `acceptedInTime`, `acceptedLate` and
 * `neverAccepted` count routes and escalations (the handoffs a `handoff-accepted` event closes);
 * `inTimeRate` is the first over the three, 0..1, or null when there are none. A business-time deadline
 * already counts only the owner's open hours, so for those the rate is the promise as the customer was
 * given it.
 */
export interface OwnerFigure {
  readonly owner: string;
  /** The owner's name from the contract given with `--contract`, or null. */
  readonly ownerName: string | null;
  readonly handoffs: number;
  /** Handoffs decided while the owner's calendar was closed (`ownerOpen: false` in the decision). */
  readonly whileClosed: number;
  /** Handoffs whose deadline counts the owner's open time (`businessTime: true`). */
  readonly businessTime: number;
  readonly acceptedInTime: number;
  readonly acceptedLate: number;
  readonly neverAccepted: number;
  readonly inTimeRate: number | null;
}

export interface NearMissExample {
  readonly file: string;
  readonly line: number;
  readonly conversationId: string;
  readonly turn: number;
  readonly rule: string;
  readonly detail: string;
}

export interface ReviewResult {
  readonly files: readonly string[];
  readonly seed: string;
  readonly samplePerAction: number;
  readonly since: string | null;
  readonly until: string | null;
  /** Non-blank lines read, including bad ones and those outside the period. */
  readonly lines: number;
  readonly decisions: number;
  readonly events: number;
  readonly outsidePeriod: number;
  readonly firstTs: string | null;
  readonly lastTs: string | null;
  readonly bad: { readonly count: number; readonly first: readonly BadLine[] };
  readonly contracts: readonly { readonly name: string; readonly version: string | null; readonly hash: string; readonly decisions: number }[];
  readonly actions: readonly (Figure & { readonly action: Action })[];
  readonly rules: readonly (Figure & { readonly rule: string; readonly actions: readonly Action[] })[];
  readonly neverFired: readonly string[];
  /** Per owner handed a case, most handoffs first. */
  readonly owners: readonly OwnerFigure[];
  readonly nearMisses: readonly { readonly kind: NearMissKind; readonly title: string; readonly definition: string; readonly count: number; readonly examples: readonly NearMissExample[] }[];
  /** Decisions flagged by at least one definition. */
  readonly nearMissDecisions: number;
  readonly openHandoffs: number;
  readonly peakOpenConversations: number;
  readonly sample: Readonly<Record<Action, readonly SampledDecision[]>>;
}

const EXAMPLES_PER_KIND = 5;

interface Counter {
  decisions: number;
  nearMisses: number;
  actions: Set<Action>;
}

type OwnerCounter = { -readonly [K in Exclude<keyof OwnerFigure, "owner" | "ownerName" | "inTimeRate">]: number };

/** Reviews the log files in order. Throws LogReadError for an unreadable file; bad lines never stop it. */
export async function review(files: readonly string[], options: ReviewOptions = {}): Promise<ReviewResult> {
  const seed = options.seed ?? "handoff";
  const size = options.sample ?? 5;
  const since = options.since ?? -Infinity;
  const until = options.until ?? Infinity;
  const bad = new BadLines();
  const sample = new StratifiedSample<Action, Kept>(size, (action) => seededRandom(`${seed}/${action}`));
  const byAction = new Map<Action, Counter>(actionNames.map((a) => [a, { decisions: 0, nearMisses: 0, actions: new Set([a]) }]));
  const byRule = new Map<string, Counter>();
  const byOwner = new Map<string, OwnerCounter>();
  const ownerOf = (owner: string): OwnerCounter => {
    let o = byOwner.get(owner);
    if (o === undefined) byOwner.set(owner, (o = { handoffs: 0, whileClosed: 0, businessTime: 0, acceptedInTime: 0, acceptedLate: 0, neverAccepted: 0 }));
    return o;
  };
  const contracts = new Map<string, { name: string; version: string | null; hash: string; decisions: number }>();
  let last: { name: string; version: string | null; hash: string; decisions: number } | null = null;
  const knownRules = new Set(options.knownRules ?? []);
  const kindCounts = new Map<NearMissKind, { count: number }>(nearMissKinds.map((k) => [k, { count: 0 }]));
  let lines = 0, decisions = 0, events = 0, outsidePeriod = 0, nearMissDecisions = 0;
  let firstMs = Infinity, lastMs = -Infinity;

  // Examples are drawn uniformly over the period (a reservoir per kind), not the first ones found.
  const examples = new StratifiedSample<NearMissKind, NearMissExample>(EXAMPLES_PER_KIND, (kind) => seededRandom(`${seed}/near-miss/${kind}`));
  const onNearMiss = (kind: NearMissKind, t: Tracked, detail: string) => {
    const k = kindCounts.get(kind)!;
    k.count++;
    examples.offer(kind, () => ({ file: t.file, line: t.line, conversationId: t.record.conversationId, turn: t.record.turn, rule: t.record.rule, detail }));
    const owner = t.record.owner;
    if (owner !== null && kind === "accepted-late") ownerOf(owner).acceptedLate++;
    if (owner !== null && kind === "never-accepted") ownerOf(owner).neverAccepted++;
    if (!t.flagged) {
      nearMissDecisions++;
      byAction.get(t.record.action)!.nearMisses++;
      byRule.get(t.record.rule)!.nearMisses++;
    }
  };
  const onAcceptedInTime = (t: Tracked) => {
    if (t.record.owner !== null) ownerOf(t.record.owner).acceptedInTime++;
  };
  const detector = new NearMissDetector(onNearMiss, options, onAcceptedInTime);

  await forEachHead(files, (record, file, line, text) => {
    lines++;
    if ("error" in record) return bad.add(file, line, record.error);
    if (record.type === "decision") knownRules.add(record.rule);
    if (record.ms < since || record.ms >= until) {
      outsidePeriod++;
      return;
    }
    if (record.ms < firstMs) firstMs = record.ms;
    if (record.ms > lastMs) lastMs = record.ms;
    if (record.type === "event") {
      events++;
      detector.event(record);
      return;
    }
    decisions++;
    count(record);
    sample.offer(record.action, () => ({ text: text(), file, line }));
    detector.decision(record, file, line);
  }, { ...(options.cwd === undefined ? {} : { cwd: options.cwd }), ...(options.workers === undefined ? {} : { workers: options.workers }) });
  detector.finish();

  function count(record: DecisionHead): void {
    byAction.get(record.action)!.decisions++;
    if (record.action !== "answer" && record.owner !== null) {
      const o = ownerOf(record.owner);
      o.handoffs++;
      if (record.ownerOpen === false) o.whileClosed++;
      if (record.businessTime) o.businessTime++;
    }
    let r = byRule.get(record.rule);
    if (r === undefined) byRule.set(record.rule, (r = { decisions: 0, nearMisses: 0, actions: new Set() }));
    r.decisions++;
    r.actions.add(record.action);
    const k = record.contract;
    // Consecutive decisions almost always come from the same contract version: skip the lookup then.
    if (last !== null && last.hash === k.hash && last.name === k.name && last.version === k.version) {
      last.decisions++;
      return;
    }
    const key = `${k.name}\u0000${k.version}\u0000${k.hash}`;
    last = contracts.get(key) ?? null;
    if (last === null) contracts.set(key, (last = { ...k, decisions: 0 }));
    last.decisions++;
  }

  const figure = (c: Counter): Figure => ({
    decisions: c.decisions,
    share: decisions === 0 ? 0 : c.decisions / decisions,
    nearMisses: c.nearMisses,
    nearMissRate: c.decisions === 0 ? 0 : c.nearMisses / c.decisions,
  });
  const bySample = (a: { file: string; line: number }, b: { file: string; line: number }) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line;
  return {
    files,
    seed,
    samplePerAction: size,
    since: Number.isFinite(since) ? new Date(since).toISOString() : null,
    until: Number.isFinite(until) ? new Date(until).toISOString() : null,
    lines,
    decisions,
    events,
    outsidePeriod,
    firstTs: Number.isFinite(firstMs) ? new Date(firstMs).toISOString() : null,
    lastTs: Number.isFinite(lastMs) ? new Date(lastMs).toISOString() : null,
    bad: { count: bad.count, first: bad.first },
    contracts: [...contracts.values()],
    actions: actionNames.map((action) => ({ action, ...figure(byAction.get(action)!) })),
    rules: [...byRule.entries()]
      .map(([rule, c]) => ({ rule, actions: actionNames.filter((a) => c.actions.has(a)), ...figure(c) }))
      .sort((a, b) => b.decisions - a.decisions || a.rule.localeCompare(b.rule)),
    neverFired: [...knownRules].filter((rule) => !byRule.has(rule)),
    owners: [...byOwner.entries()]
      .map(([owner, o]) => {
        const closed = o.acceptedInTime + o.acceptedLate + o.neverAccepted;
        return { owner, ownerName: options.ownerNames?.[owner] ?? null, ...o, inTimeRate: closed === 0 ? null : o.acceptedInTime / closed };
      })
      .sort((a, b) => b.handoffs - a.handoffs || a.owner.localeCompare(b.owner)),
    nearMisses: nearMissKinds.map((kind) => ({ kind, ...nearMissDefinitions[kind], ...kindCounts.get(kind)!, examples: [...examples.get(kind)].sort(bySample) })),
    nearMissDecisions,
    openHandoffs: detector.stillOpen,
    peakOpenConversations: detector.peakOpen,
    sample: Object.fromEntries(actionNames.map((a) => [a, [...sample.get(a)].sort(bySample).map(sampled)])) as Record<Action, SampledDecision[]>,
  };
}

/** A sampled line: its text is decoded only if it is still in the sample at the end. */
interface Kept {
  readonly text: string;
  readonly file: string;
  readonly line: number;
}

function sampled({ text, file, line }: Kept): SampledDecision {
  const raw = JSON.parse(text) as { ts: string; conversationId: string; turn: number; signals: Record<string, unknown>; decision: Record<string, unknown> };
  const d = raw.decision;
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    file,
    line,
    ts: raw.ts,
    conversationId: raw.conversationId,
    turn: raw.turn,
    action: d.action as Action,
    rule: String(d.rule),
    owner: str(d.owner),
    ownerName: str(d.ownerName),
    deadline: str(d.deadline),
    reasons: Array.isArray(d.reasons) ? d.reasons.filter((r): r is string => typeof r === "string") : [],
    say: str(d.say),
    signals: raw.signals,
    evidence: evidenceOf(d.brief),
  };
}

function evidenceOf(brief: unknown): Record<string, unknown> {
  if (typeof brief !== "object" || brief === null) return {};
  const evidence = (brief as { evidence?: { signals?: unknown } }).evidence?.signals;
  return typeof evidence === "object" && evidence !== null && !Array.isArray(evidence) ? (evidence as Record<string, unknown>) : {};
}
