/**
 * What `handoff review` needs of a log line — everything but the signals and context — packed into
 * columns, so a batch of parsed lines crosses between threads as a few typed arrays and string lists
 * instead of thousands of objects.
 */
import { CONVERSATION_EVENTS } from "../runtime/log.ts";
import { actionNames } from "../grammar/vocabulary.ts";
import { linesOf } from "./jsonl.ts";
import { readLine, type DecisionRecord, type EventRecord } from "./lines.ts";

/** A decision line without its signals and context. */
export type DecisionHead = Omit<DecisionRecord, "signals" | "context">;
export type LogHead = DecisionHead | EventRecord;

/** Parsed lines in columns; row i is the i-th non-blank line of the batch. */
export interface HeadColumns {
  /** Per row: 0 a bad line (its reason in `text`), 1 a decision, 2 an event. */
  readonly kind: Int8Array;
  /** Per row, its line number within the batch (0-based, blank lines counted). */
  readonly lineIndex: Int32Array;
  /** Per row, the byte offsets of its text in the batch, for decoding a sampled line again. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly ms: Float64Array;
  readonly turn: Float64Array;
  /** NaN for null. */
  readonly withinSeconds: Float64Array;
  /** NaN for null. */
  readonly deadlineMs: Float64Array;
  /** Per decision: bit 0 set when `ownerOpen` is known, bit 1 its value, bit 2 `businessTime`. */
  readonly staffing: Int8Array;
  /** The action's index in `actionNames`, or the event's in CONVERSATION_EVENTS. */
  readonly code: Int8Array;
  /** Index into `contracts`. */
  readonly contract: Int32Array;
  readonly contracts: { name: string; version: string | null; hash: string }[];
  readonly conversationId: string[];
  /** The rule, or for a bad line the reason. */
  readonly text: string[];
  readonly owner: (string | null)[];
  /** Lines in the batch, blank ones included. */
  readonly lines: number;
}

/** Parses every line of `batch` (UTF-8 bytes holding whole lines) into columns. */
export function parseBatch(batch: Uint8Array): HeadColumns {
  const bytes = Buffer.from(batch.buffer, batch.byteOffset, batch.byteLength);
  // At most one row per newline, plus a last line without one.
  let n = 1;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) n++;
  const cols = {
    kind: new Int8Array(n),
    lineIndex: new Int32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    ms: new Float64Array(n),
    turn: new Float64Array(n),
    withinSeconds: new Float64Array(n),
    deadlineMs: new Float64Array(n),
    staffing: new Int8Array(n),
    code: new Int8Array(n),
    contract: new Int32Array(n),
    contracts: [] as { name: string; version: string | null; hash: string }[],
    conversationId: [] as string[],
    text: [] as string[],
    owner: [] as (string | null)[],
  };
  const contractIndex = new Map<string, number>();
  let rows = 0;
  const lines = linesOf(bytes, (t, i, lineStart, end) => {
    const r = rows++;
    cols.lineIndex[r] = i;
    cols.start[r] = lineStart;
    cols.end[r] = end;
    const record = readLine(t);
    if ("error" in record) {
      cols.kind[r] = 0;
      cols.text.push(record.error);
      cols.conversationId.push("");
      cols.owner.push(null);
      return;
    }
    cols.ms[r] = record.ms;
    cols.turn[r] = record.turn;
    cols.conversationId.push(record.conversationId);
    if (record.type === "event") {
      cols.kind[r] = 2;
      cols.code[r] = CONVERSATION_EVENTS.indexOf(record.event);
      cols.text.push("");
      cols.owner.push(null);
      return;
    }
    cols.kind[r] = 1;
    cols.code[r] = actionNames.indexOf(record.action);
    cols.text.push(record.rule);
    cols.owner.push(record.owner);
    cols.withinSeconds[r] = record.withinSeconds ?? NaN;
    cols.deadlineMs[r] = record.deadlineMs ?? NaN;
    cols.staffing[r] = (record.ownerOpen === null ? 0 : record.ownerOpen ? 3 : 1) | (record.businessTime ? 4 : 0);
    const k = record.contract;
    const key = `${k.name}\u0000${k.version}\u0000${k.hash}`;
    let c = contractIndex.get(key);
    if (c === undefined) {
      c = cols.contracts.length;
      contractIndex.set(key, c);
      cols.contracts.push({ name: k.name, version: k.version, hash: k.hash });
    }
    cols.contract[r] = c;
  });
  const cut = <T extends Int8Array | Int32Array | Float64Array>(a: T): T => a.subarray(0, rows) as T;
  return {
    kind: cut(cols.kind),
    lineIndex: cut(cols.lineIndex),
    start: cut(cols.start),
    end: cut(cols.end),
    ms: cut(cols.ms),
    turn: cut(cols.turn),
    withinSeconds: cut(cols.withinSeconds),
    deadlineMs: cut(cols.deadlineMs),
    staffing: cut(cols.staffing),
    code: cut(cols.code),
    contract: cut(cols.contract),
    contracts: cols.contracts,
    conversationId: cols.conversationId,
    text: cols.text,
    owner: cols.owner,
    lines,
  };
}

/** Row `r` of `cols` as a record, or the reason it is a bad line. */
export function headAt(cols: HeadColumns, r: number): LogHead | { readonly error: string } {
  const kind = cols.kind[r]!;
  if (kind === 0) return { error: cols.text[r]! };
  const common = { ms: cols.ms[r]!, conversationId: cols.conversationId[r]!, turn: cols.turn[r]! };
  if (kind === 2) return { type: "event", ...common, event: CONVERSATION_EVENTS[cols.code[r]!]! };
  const within = cols.withinSeconds[r]!;
  const deadline = cols.deadlineMs[r]!;
  const staffing = cols.staffing[r]!;
  return {
    type: "decision",
    ...common,
    contract: cols.contracts[cols.contract[r]!]!,
    action: actionNames[cols.code[r]!]!,
    rule: cols.text[r]!,
    owner: cols.owner[r]!,
    withinSeconds: Number.isNaN(within) ? null : within,
    deadlineMs: Number.isNaN(deadline) ? null : deadline,
    ownerOpen: staffing & 1 ? (staffing & 2) !== 0 : null,
    businessTime: (staffing & 4) !== 0,
  };
}
