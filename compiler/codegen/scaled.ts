/**
 * `decide` for the `chunked` and `indexed` strategies (plan.ts): after validation, the signal values
 * are copied into module-level state (`S_<i>`), `match()` writes the indices of the matched rules, in
 * file order, into the preallocated `MATCHED` buffer, and the winner, reasons and brief are produced by
 * per-rule functions (dispatch.ts). Nothing is allocated besides the decision, its arrays and evidence.
 *
 * INVARIANT: between copying the values into `S_<i>` and returning, no user code runs (the input has
 * been read, the context sanitised), so `decide` is re-entrant even though matching uses module state.
 *
 * The per-rule tables are emitted as compact, already formatted text (one line per rule), not through
 * ts-morph and prettier, so that build time stays proportional to the contract.
 */
import { severityRank, type ContractModel, type RuleModel, type Template } from "../model.ts";
import { cellsDescription, classifier, type IndexedSignal, type RuleIndex } from "./cells.ts";
import { condition } from "./conditions.ts";
import { fallbackStatement, otherwiseReason, type BodyContext } from "./decide.ts";
import { dispatchFunctions } from "./dispatch.ts";
import { commentText, jsonNumber, jsonTable, key, rawText, str, strArray, strOrNull } from "./literals.ts";
import { stateLocals, type Locals } from "./names.ts";
import { constantText, templateExpression } from "./outcomes.ts";
import { CHUNK_RULES, type Plan } from "./plan.ts";
import { signalTsType } from "./signals.ts";

export interface ScaledParts {
  /** Statements of `decide` after validation. */
  readonly decideTail: string;
  /** Module-level declarations, formatted. */
  readonly tables: string;
}

export function scaledParts(cx: BodyContext, plan: Plan): ScaledParts {
  const { model } = cx;
  const state = stateLocals(model.signals);
  const scx: BodyContext = { ...cx, locals: state };
  const match = plan.strategy === "indexed" && plan.index ? indexedMatch(scx, plan.index) : chunkedMatch(scx);
  return {
    decideTail: decideTail(cx),
    tables: [stateDeclarations(model), sharedTables(scx), match, perRuleFunctions(scx)].join("\n\n"),
  };
}

function decideTail(cx: BodyContext): string {
  const { model } = cx;
  const mostSevere = model.policy === "most-severe";
  const copy = model.signals.map((_, i) => `S_${i} = ${cx.locals.of(model.signals[i]!.name)};`).join("\n");
  return `${copy}
    const count = match();
    const matched: string[] = [];
    let win = -1;
    ${mostSevere ? "let rank = -1;" : ""}
    for (let k = 0; k < count; k++) {
      const j = MATCHED[k]!;
      matched.push(RULE_NAMES[j]!);
      ${mostSevere ? "if (RANK[j]! > rank) { rank = RANK[j]!; win = j; }" : "if (win < 0) win = j;"}
    }
    const reasons: string[] = [];
    if (win >= 0) {
      const reason = reasonFor(win);
      if (reason !== null) reasons.push(reason);
    }${otherwiseReason(cx) === null ? "" : ` else {\n reasons.push(${otherwiseReason(cx)});\n}`}
    for (let k = 0; k < count; k++) {
      const j = MATCHED[k]!;
      if (j === win) continue;
      const reason = reasonFor(j);
      if (reason !== null) reasons.push(reason);
    }
    if (win >= 0) return finish(win, matched, reasons, ctx);
    ${fallbackStatement(cx)}`;
}

function stateDeclarations(model: ContractModel): string {
  const lines = model.signals.map((s, i) => {
    const type = s.type.kind === "enum" ? "string" : signalTsType(s.type);
    const init = type === "number" ? "0" : type === "boolean" ? "false" : '""';
    return `let S_${i}: ${type} = ${init}; // ${commentText(s.name)}`;
  });
  return [
    "// ---------------------------------------------------------------------------------------------",
    "// Matching for large contracts (see `handoff build --explain-plan`). The validated signal values",
    "// of the decision being made; written by `decide` only, after reading the input.",
    ...lines,
  ].join("\n");
}

function sharedTables(cx: BodyContext): string {
  const { model } = cx;
  const n = model.rules.length;
  const ranks = model.rules.map((r) => severityRank[r.action]);
  const signalIndex = new Map(model.signals.map((s, i) => [s.name, i] as const));
  const owners = new Map(model.owners.map((o) => [o.key, o.displayName] as const));
  const row = (rule: RuleModel): string => {
    const text = (t: Template | null) => (t === null ? "null" : constantText(t) === null ? "true" : str(constantText(t)!));
    const evidence = rule.action === "answer" || rule.reads.length === 0 ? "null" : `[${rule.reads.map((r) => signalIndex.get(r)).join(", ")}]`;
    const owner = rule.owner === null || owners.get(rule.owner) === rule.ownerName ? strOrNull(rule.owner) : `[${str(rule.owner)}, ${strOrNull(rule.ownerName)}]`;
    return `  [${str(rule.name)}, ${str(rule.action)}, ${owner}, ${jsonNumber(rule.withinSeconds)}, ${str(rule.urgency)}, ${strArray(rule.collect)}, ${strArray(rule.confirm)}, ${text(rule.reason)}, ${text(rule.say)}, ${evidence}]`;
  };
  return [
    `/** Display names of the owners. */`,
    `const OWNER_NAMES: { readonly [owner: string]: string } = { ${model.owners.map((o) => `${key(o.key)}: ${str(o.displayName)}`).join(", ")} };`,
    `/** Signal names by index (the \`v<i>\`/\`S_<i>\` numbering). */`,
    `const SIGNAL_NAMES: readonly string[] = [${model.signals.map((s) => str(s.name)).join(", ")}];`,
    ``,
    `/**`,
    ` * One row per rule, in file order, as JSON text: name, action, owner (or [owner, display name] when it`,
    ` * is not a declared owner), within (seconds), urgency, collect, confirm, reason and say (text; null:`,
    ` * none; true: it interpolates signals, see reasonOf and sayOf), and the signals its brief lists as`,
    ` * evidence. A row is parsed when its rule first matches, so loading the module stays quick.`,
    ` */`,
    `const RULE_ROWS: readonly string[] = ${rawText(model.rules.map(row))}.split("\\n");`,
    `type RuleRow = readonly [string, Action, string | readonly [string, string | null] | null, number | null, Urgency, readonly string[], readonly string[], string | true | null, string | true | null, readonly number[] | null];`,
    `const RULE_CACHE: (RuleRow | undefined)[] = [];`,
    `/** Rule j's row. */`,
    `function ruleRow(j: number): RuleRow {`,
    `  return (RULE_CACHE[j] ??= JSON.parse(RULE_ROWS[j]!) as RuleRow);`,
    `}`,
    `/** Rule names by index. */`,
    `const RULE_NAMES: readonly string[] = contract.rules;`,
    `const OUTCOME_CACHE: (Outcome | undefined)[] = [];`,
    `/** The outcome rule j's brief is built from. */`,
    `function outcomeOf(j: number): Outcome {`,
    `  let outcome = OUTCOME_CACHE[j];`,
    `  if (outcome === undefined) {`,
    `    const [rule, action, owner, withinSeconds, urgency, collect, confirm] = ruleRow(j);`,
    `    outcome = {`,
    `      rule,`,
    `      action,`,
    `      owner: typeof owner === "string" || owner === null ? owner : owner[0],`,
    `      ownerName: owner === null ? null : typeof owner === "string" ? (OWNER_NAMES[owner] ?? null) : owner[1],`,
    `      withinSeconds,`,
    `      urgency,`,
    `      collect: [...collect],`,
    `      confirm: [...confirm],`,
    `    };`,
    `    OUTCOME_CACHE[j] = outcome;`,
    `  }`,
    `  return outcome;`,
    `}`,
    `/** The matched rules of the current decision, ascending (file order). */`,
    `const MATCHED = new Int32Array(${n});`,
    `/** Per rule, the severity of its action (answer 0 … stop 3). */`,
    `const RANK = new Int8Array([${ranks.join(", ")}]);`,
    "",
    `/** A byte per index below \`n\`: 1 for the listed ones. */`,
    `function flags(n: number, listed: readonly number[]): Uint8Array {`,
    `  const out = new Uint8Array(n);`,
    `  for (const i of listed) out[i] = 1;`,
    `  return out;`,
    `}`,
    "",
    `/** Rule j's reason, or null when it has none. */`,
    `function reasonFor(j: number): string | null {`,
    `  const reason = ruleRow(j)[7];`,
    `  return reason === true ? reasonOf(j) : reason;`,
    `}`,
    "",
    `/** The decision when rule j wins. */`,
    `function finish(j: number, matched: string[], reasons: string[], ctx: CleanContext): Decision {`,
    `  const row = ruleRow(j);`,
    `  const say = row[8] === true ? sayOf(j) : row[8];`,
    `  const signals = row[9];`,
    `  let evidence: { [signal: string]: number | string | boolean } = NO_EVIDENCE;`,
    `  if (signals !== null) {`,
    `    evidence = {};`,
    `    for (const k of signals) evidence[SIGNAL_NAMES[k]!] = valueOf(k);`,
    `  }`,
    `  return assemble(INFO, outcomeOf(j), matched, reasons, say, evidence, ctx, null);`,
    `}`,
    "",
    `/** The validated value of signal k in the current decision. */`,
    `function valueOf(k: number): number | string | boolean {`,
    `  switch (k) {`,
    ...model.signals.map((_, i) => `    case ${i}:\n      return S_${i};`),
    `    default:\n      return false;`,
    `  }`,
    `}`,
  ].join("\n");
}

/** Straight-line tests in file order, CHUNK_RULES rules per function. */
function chunkedMatch(cx: BodyContext): string {
  const { model } = cx;
  const chunks = Math.ceil(model.rules.length / CHUNK_RULES);
  const out = [
    `/** Writes the matched rules into MATCHED, in file order; returns how many. */`,
    `function match(): number {`,
    `  let count = 0;`,
    ...Array.from({ length: chunks }, (_, k) => `  count = scan_${k}(count);`),
    `  return count;`,
    `}`,
  ];
  for (let k = 0; k < chunks; k++) {
    out.push("", `function scan_${k}(count: number): number {`);
    for (let j = k * CHUNK_RULES; j < Math.min(model.rules.length, (k + 1) * CHUNK_RULES); j++) {
      const rule = model.rules[j]!;
      out.push(`  if (${condition(rule.condition, cx.locals, cx.constants)}) MATCHED[count++] = ${j}; // ${commentText(rule.name)}`);
    }
    out.push(`  return count;`, `}`);
  }
  return out.join("\n");
}

/**
 * Bit sets per signal and cell; the AND over signals gives the candidates; inexact ones are tested.
 * Bits are laid out by the cells of the most selective signal (see `bitLayout`), so a cell's rules
 * share a few words; the matched rules are put back in file order as they are found.
 */
function indexedMatch(cx: BodyContext, index: RuleIndex): string {
  const { model } = cx;
  const n = model.rules.length;
  const words = Math.ceil(n / 32);
  const ruleAt = bitLayout(n, index.signals[0]);
  const bitOf = new Int32Array(n);
  ruleAt.forEach((j, b) => (bitOf[j] = b));
  const never = index.never.flatMap((x, i) => (x ? [bitOf[i]!] : []));
  const tested = model.rules.flatMap((_, i) => (!index.exact[i] && !index.never[i] ? [i] : []));
  const out = [
    `/** Rules per bit set, in 32-bit words (bit b is bit b & 31 of word b >> 5). */`,
    `const WORDS = ${words};`,
    `/** The rule at each bit: rules are grouped by the cells of the most selective signal, not in file order. */`,
    `const RULE_AT_BIT = new Int32Array(${jsonTable(["[", ...chunkLines(ruleAt.map(String)), "]"])});`,
    `/** The rules some valid input satisfies (the others are never candidates), by bit. */`,
    `const LIVE = liveRules(${n}, [${never.join(", ")}]);`,
    `/** Per rule, 1 when the bit sets do not decide it alone, so its condition is tested. */`,
    `const NEEDS_TEST = flags(${n}, [${tested.join(", ")}]);`,
  ];
  for (const s of index.signals) {
    const signal = model.signals[s.signal]!;
    const sc = index.domain.signals[s.signal]!;
    const { body, table } = classifier(signal.type, sc.cells, `CELLS_${s.signal}`);
    out.push(
      "",
      `// signal ${commentText(signal.name)}: ${cellsDescription(sc)}`,
      `// Per rule that narrows it: bit, number of runs, then first, last of each run of cells where it can hold.`,
      `const MASK_${s.signal} = ruleMask(${s.cells}, ${jsonTable(["[", ...chunkLines(s.allowed.map(([rule, runs]) => `${bitOf[rule]}, ${runs.length / 2}, ${runs.join(", ")}`)), "]"])});`,
      `function cellOf_${s.signal}(v: ${signal.type.kind === "enum" ? "string" : signalTsType(signal.type)}): number {`,
      indent(body),
      `}`,
      ...(table === null ? [] : [table]),
    );
  }
  const [first, ...rest] = index.signals;
  const offsets = index.signals.map((s) =>
    s === first
      ? `  const cell = cellOf_${s.signal}(S_${s.signal});\n  const o${s.signal} = cell * WORDS;`
      : `  const o${s.signal} = cellOf_${s.signal}(S_${s.signal}) * WORDS;`,
  );
  const loop = first
    ? [
        `  // Only the words where the most selective signal's cell keeps any rule.`,
        `  const hot = HOT_${first.signal}[cell]!;`,
        `  for (let k = 0; k < hot.length; k++) {`,
        `    const w = hot[k]!;`,
        `    let bits = MASK_${first.signal}[o${first.signal} + w]!;`,
        ...rest.flatMap((s) => [`    bits &= MASK_${s.signal}[o${s.signal} + w]!;`, "    if (bits === 0) continue;"]),
      ]
    : [`  for (let w = 0; w < WORDS; w++) {`, "    const bits = LIVE[w]!;", "    if (bits === 0) continue;"];
  out.push(
    ...(first ? ["", `/** Per cell of the most selective signal, the words whose bit set is not empty. */`, `const HOT_${first.signal} = hotWords(MASK_${first.signal}, ${first.cells});`] : []),
    "",
    `/** Writes the matched rules into MATCHED, in file order; returns how many. */`,
    `function match(): number {`,
    ...offsets,
    `  let count = 0;`,
    ...loop,
    `    let rest = bits;`,
    `    while (rest !== 0) {`,
    `      const low = rest & -rest;`,
    `      rest ^= low;`,
    `      const j = RULE_AT_BIT[(w << 5) | (31 - Math.clz32(low))]!;`,
    `      if (NEEDS_TEST[j] === 1 && !holds(j)) continue;`,
    `      // Insertion keeps MATCHED in file order; within a word the bits already are.`,
    `      let at = count++;`,
    `      while (at > 0 && MATCHED[at - 1]! > j) {`,
    `        MATCHED[at] = MATCHED[at - 1]!;`,
    `        at--;`,
    `      }`,
    `      MATCHED[at] = j;`,
    `    }`,
    `  }`,
    `  return count;`,
    `}`,
    "",
    `/** Per cell, the indices of the words of \`mask\` that are not zero. */`,
    `function hotWords(mask: Int32Array, cells: number): Int32Array[] {`,
    `  const out: Int32Array[] = [];`,
    `  for (let c = 0; c < cells; c++) {`,
    `    const words: number[] = [];`,
    `    for (let w = 0; w < WORDS; w++) if (mask[c * WORDS + w] !== 0) words.push(w);`,
    `    out.push(new Int32Array(words));`,
    `  }`,
    `  return out;`,
    `}`,
    "",
    `/** Bit sets of the live rules. */`,
    `function liveRules(n: number, never: readonly number[]): Int32Array {`,
    `  const out = new Int32Array(WORDS);`,
    `  for (let b = 0; b < n; b++) out[b >> 5]! |= 1 << (b & 31);`,
    `  for (const b of never) out[b >> 5]! &= ~(1 << (b & 31));`,
    `  return out;`,
    `}`,
    "",
    `/**`,
    ` * Per cell, the live rules that can hold there: the live rules that do not narrow the signal, plus each`,
    ` * narrowing rule in its runs of cells. A run toggles its rule's bit on at its first cell and off after`,
    ` * its last; a running XOR over the cells then sets the bit exactly inside the run.`,
    ` */`,
    `function ruleMask(cells: number, narrowing: readonly number[]): Int32Array {`,
    `  const whole = LIVE.slice();`,
    `  const out = new Int32Array((cells + 1) * WORDS);`,
    `  for (let at = 0; at < narrowing.length; ) {`,
    `    const b = narrowing[at++]!;`,
    `    const runs = narrowing[at++]!;`,
    `    const word = b >> 5;`,
    `    const bit = 1 << (b & 31);`,
    `    whole[word]! &= ~bit;`,
    `    for (let r = 0; r < runs; r++) {`,
    `      out[narrowing[at++]! * WORDS + word]! ^= bit;`,
    `      out[(narrowing[at++]! + 1) * WORDS + word]! ^= bit;`,
    `    }`,
    `  }`,
    `  for (let i = WORDS; i < cells * WORDS; i++) out[i]! ^= out[i - WORDS]!;`,
    `  for (let i = 0; i < cells * WORDS; i++) out[i]! |= whole[i % WORDS]!;`,
    `  return out.subarray(0, cells * WORDS);`,
    `}`,
    "",
    dispatchFunctions(
      "holds",
      "j: number",
      "j",
      "boolean",
      tested.map((j) => ({ rule: j, body: `return ${condition(model.rules[j]!.condition, cx.locals, cx.constants)}; // ${commentText(model.rules[j]!.name)}` })),
      "false",
      "Whether rule j's condition holds (for the rules the bit sets do not decide alone).",
    ),
  );
  return out.join("\n");
}

/**
 * The rule at each bit position: the rules that narrow `first` ordered by the first cell they allow,
 * then those that do not, each group in file order. A cell's candidates then sit in a few words (the
 * `HOT` words) instead of being spread over the whole contract. Without a signal to group by: file order.
 */
function bitLayout(n: number, first: IndexedSignal | undefined): number[] {
  const order = Array.from({ length: n }, (_, j) => j);
  if (!first) return order;
  const key = new Int32Array(n).fill(first.cells);
  for (const [rule, runs] of first.allowed) key[rule] = runs[0]!;
  return order.sort((a, b) => key[a]! - key[b]! || a - b);
}

/** Reasons and says that interpolate signals, one case per rule. */
function perRuleFunctions(cx: BodyContext): string {
  const { model } = cx;
  const computed = (pick: (rule: RuleModel) => Template | null) =>
    model.rules.flatMap((rule, j) => {
      const t = pick(rule);
      return t === null || constantText(t) !== null ? [] : [{ rule: j, body: `return ${templateExpression(t, cx.locals)}; // ${commentText(rule.name)}` }];
    });
  return [
    dispatchFunctions("reasonOf", "j: number", "j", "string", computed((r) => r.reason), '""', "Rule j's reason, for reasons that interpolate signals."),
    dispatchFunctions("sayOf", "j: number", "j", "string", computed((r) => r.say), '""', "Rule j's say, for says that interpolate signals."),
  ].join("\n\n");
}

/** Long lists of short items, several per line. */
function chunkLines(items: readonly string[]): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    if (line.length + item.length > 96) {
      lines.push(`  ${line}`);
      line = "";
    }
    line += `${item}, `;
  }
  if (line) lines.push(`  ${line}`);
  // JSON has no trailing comma.
  if (lines.length > 0) lines[lines.length - 1] = lines[lines.length - 1]!.replace(/, $/, "");
  return lines.map((l) => l.trimEnd());
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
