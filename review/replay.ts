/**
 * `handoff replay`: every logged decision decided again by a new contract version (the reference
 * interpreter, on the logged signals and context), in one streaming pass. A decision is compared by
 * action, owner and `within`, as `handoff diff` compares them; the logged `context.now` makes
 * deadlines reproducible.
 */
import type { ContractModel } from "../compiler/model.ts";
import { interpret } from "../compiler/interpret.ts";
import { REDACTED } from "../runtime/log.ts";
import type { Action, Problem } from "../runtime/prelude/index.ts";
import { actionNames } from "../grammar/vocabulary.ts";
import { BadLines, forEachLine, type BadLine } from "./jsonl.ts";
import { readLine } from "./lines.ts";

export interface DecisionSummary {
  readonly action: Action;
  readonly rule: string;
  readonly owner: string | null;
  readonly withinSeconds: number | null;
}

export interface ReplayExample {
  readonly file: string;
  readonly line: number;
  readonly conversationId: string;
  readonly turn: number;
  readonly from: DecisionSummary;
  readonly to: DecisionSummary;
}

export interface Transition<T> {
  readonly from: T;
  readonly to: T;
  readonly count: number;
}

export interface ReplayResult {
  readonly files: readonly string[];
  readonly contract: { readonly name: string; readonly version: string | null; readonly hash: string };
  readonly lines: number;
  readonly decisions: number;
  readonly changed: number;
  /** matrix[old][new]: decisions whose action moved; on the diagonal, whose owner or `within` changed. */
  readonly matrix: Readonly<Record<Action, Readonly<Record<Action, number>>>>;
  readonly cells: readonly (Transition<Action> & { readonly examples: readonly ReplayExample[] })[];
  readonly owners: readonly Transition<string | null>[];
  readonly withins: readonly Transition<number | null>[];
  /** Decisions the new contract finds invalid (signals it requires that the log lacks, or values it rejects). */
  readonly newlyInvalid: number;
  /** Decisions whose logged signals include a redacted value the new contract reads: their replay is approximate. */
  readonly redactedInputs: number;
  /**
   * Decisions that could not be replayed because a redacted value is all the new contract rejects (a pii
   * number or enum logged as "[redacted]"), and the redacted signals concerned. They are never counted as changed.
   */
  readonly unreplayable: { readonly count: number; readonly signals: readonly string[] };
  /** Decisions logged by a contract of another name than the new one. */
  readonly otherContracts: number;
  readonly bad: { readonly count: number; readonly first: readonly BadLine[] };
}

export interface ReplayOptions {
  /** Example decisions kept per changed cell (default 3). */
  readonly examples?: number;
  /** Directory the file names are relative to (default: the process's). */
  readonly cwd?: string;
}

/** Replays the logs against `model`. Throws LogReadError for an unreadable file; bad lines never stop it. */
export async function replay(model: ContractModel, files: readonly string[], options: ReplayOptions = {}): Promise<ReplayResult> {
  const keep = options.examples ?? 3;
  const bad = new BadLines();
  const matrix = Object.fromEntries(actionNames.map((a) => [a, Object.fromEntries(actionNames.map((b) => [b, 0]))])) as Record<Action, Record<Action, number>>;
  const examples = new Map<string, ReplayExample[]>();
  const owners = new Map<string, Transition<string | null>>();
  const withins = new Map<string, Transition<number | null>>();
  const read = new Set(model.rules.flatMap((r) => r.reads));
  const unreplayableSignals = new Set<string>();
  let lines = 0, decisions = 0, changed = 0, newlyInvalid = 0, redactedInputs = 0, unreplayable = 0, otherContracts = 0;

  await forEachLine(files, (text, file, line) => {
    lines++;
    const record = readLine(text);
    if ("error" in record) return bad.add(file, line, record.error);
    if (record.type !== "decision") return;
    decisions++;
    if (record.contract.name !== model.name) otherContracts++;
    const signals = record.signals;
    const d = interpret(model, signals, record.context);
    const redacted = redactedProblems(d.invalid, signals);
    if (redacted !== null && record.rule !== "invalid-input") {
      unreplayable++;
      for (const s of redacted) unreplayableSignals.add(s);
      return;
    }
    if (Object.keys(signals).some((k) => signals[k] === REDACTED && read.has(k))) redactedInputs++;
    if (d.rule === "invalid-input" && record.rule !== "invalid-input") newlyInvalid++;
    const from: DecisionSummary = { action: record.action, rule: record.rule, owner: record.owner, withinSeconds: record.withinSeconds };
    if (from.action === d.action && from.owner === d.owner && from.withinSeconds === d.withinSeconds) return;
    changed++;
    matrix[from.action][d.action]++;
    if (from.owner !== d.owner) bump(owners, `${from.owner}\u0000${d.owner}`, from.owner, d.owner);
    if (from.withinSeconds !== d.withinSeconds) bump(withins, `${from.withinSeconds}\u0000${d.withinSeconds}`, from.withinSeconds, d.withinSeconds);
    const key = `${from.action}>${d.action}`;
    let cell = examples.get(key);
    if (cell === undefined) examples.set(key, (cell = []));
    if (cell.length < keep) {
      cell.push({ file, line, conversationId: record.conversationId, turn: record.turn, from, to: { action: d.action, rule: d.rule, owner: d.owner, withinSeconds: d.withinSeconds } });
    }
  }, options.cwd);

  const byCount = <T>(a: Transition<T>, b: Transition<T>) => b.count - a.count;
  return {
    files,
    contract: { name: model.name, version: model.version, hash: model.sourceHash },
    lines,
    decisions,
    changed,
    matrix,
    cells: actionNames.flatMap((from) => actionNames.filter((to) => matrix[from][to] > 0).map((to) => ({ from, to, count: matrix[from][to], examples: examples.get(`${from}>${to}`) ?? [] }))),
    owners: [...owners.values()].sort(byCount),
    withins: [...withins.values()].sort(byCount),
    newlyInvalid,
    redactedInputs,
    unreplayable: { count: unreplayable, signals: [...unreplayableSignals].sort() },
    otherContracts,
    bad: { count: bad.count, first: bad.first },
  };
}

/** The signals of `invalid` when every problem is a redacted value's, else null. */
function redactedProblems(invalid: readonly Problem[] | undefined, signals: Readonly<Record<string, unknown>>): string[] | null {
  if (invalid === undefined || invalid.length === 0) return null;
  const names: string[] = [];
  for (const p of invalid) {
    if (p.signal === null || signals[p.signal] !== REDACTED) return null;
    names.push(p.signal);
  }
  return names;
}

function bump<T>(map: Map<string, Transition<T>>, key: string, from: T, to: T): void {
  const t = map.get(key);
  map.set(key, { from, to, count: (t?.count ?? 0) + 1 });
}
