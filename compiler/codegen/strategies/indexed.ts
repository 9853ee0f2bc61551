/**
 * The `indexed` strategy (plan.ts): each indexed signal's validated value is classified into its cell
 * (cells.ts); per signal and cell a bit set holds the rules that can hold there; the AND of the sets is
 * the candidates, and only candidates the sets do not decide alone are tested. The matched rules are
 * written to the MATCHED buffer (rule-tables.ts), then put in file order, for the shared decision tail.
 */
import type { BodyContext } from "../body-context.ts";
import { cellsDescription, classifier, type IndexedSignal, type RuleIndex } from "../cells.ts";
import { condition } from "../conditions.ts";
import { commentText, jsonTable } from "../literals.ts";
import { signalTsType } from "../signals.ts";
import { flat } from "../syntax.ts";
import { dispatchFunctions } from "./dispatch.ts";

/**
 * Bit sets per signal and cell; the AND over signals gives the candidates; inexact ones are tested.
 * Bits are laid out by the cells of the most selective signal (see `bitLayout`), so a cell's rules
 * share a few words; the matched rules are put back in file order once all are found.
 */
export function indexedMatch(cx: BodyContext, index: RuleIndex): string {
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
      `const MASK_${s.signal} = ruleMask(${s.cells}, ${jsonTable(["[", ...chunkLines(s.allowed.map(({ rule, runs }) => `${bitOf[rule]}, ${runs.length / 2}, ${runs.join(", ")}`)), "]"])});`,
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
    `      MATCHED[count++] = j;`,
    `    }`,
    `  }`,
    `  inFileOrder(count);`,
    `  return count;`,
    `}`,
    "",
    `/** Bit j set for each matched rule j while \`inFileOrder\` sorts; all zero between decisions. */`,
    `const FOUND = new Int32Array(WORDS);`,
    "",
    `/**`,
    ` * Sorts MATCHED[0..count) into file order. Within a word of the bit sets the rules already are in file`,
    ` * order, across words not. A few are sorted by insertion (about count² / 4 moves); more are set in the`,
    ` * FOUND bit set, indexed by rule, and read back in order (one pass over its WORDS words), so an input`,
    ` * matching hundreds of rules costs no more than a pass over the contract's words.`,
    ` */`,
    `function inFileOrder(count: number): void {`,
    `  if (count * count <= 4 * WORDS) {`,
    `    for (let k = 1; k < count; k++) {`,
    `      const j = MATCHED[k]!;`,
    `      let at = k;`,
    `      while (at > 0 && MATCHED[at - 1]! > j) {`,
    `        MATCHED[at] = MATCHED[at - 1]!;`,
    `        at--;`,
    `      }`,
    `      MATCHED[at] = j;`,
    `    }`,
    `    return;`,
    `  }`,
    `  for (let k = 0; k < count; k++) FOUND[MATCHED[k]! >> 5]! |= 1 << (MATCHED[k]! & 31);`,
    `  let at = 0;`,
    `  for (let w = 0; w < WORDS; w++) {`,
    `    let bits = FOUND[w]!;`,
    `    if (bits === 0) continue;`,
    `    FOUND[w] = 0;`,
    `    while (bits !== 0) {`,
    `      const low = bits & -bits;`,
    `      bits ^= low;`,
    `      MATCHED[at++] = (w << 5) | (31 - Math.clz32(low));`,
    `    }`,
    `  }`,
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
    dispatchFunctions({
      name: "holds",
      params: "j: number",
      args: "j",
      returnType: "boolean",
      cases: tested.map((j) => ({ rule: j, body: `return ${flat(condition(model.rules[j]!.condition, cx.locals, cx.constants))}; // ${commentText(model.rules[j]!.name)}` })),
      fallback: "false",
      doc: "Whether rule j's condition holds (for the rules the bit sets do not decide alone).",
    }),
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
  for (const { rule, runs } of first.allowed) key[rule] = runs[0]!;
  return order.sort((a, b) => key[a]! - key[b]! || a - b);
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
