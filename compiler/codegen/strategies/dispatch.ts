/**
 * Per-rule code for large contracts, split so that no function outgrows V8's optimisation limit: rule j's
 * case lives in the chunk function `<name>_<j >> 6>`, and `<name>(j, …)` dispatches on the chunk number.
 * Each chunk holds at most CHUNK_RULES cases; chunks without cases are not emitted.
 */
import { CHUNK_RULES } from "../plan.ts";

export interface DispatchCase {
  readonly rule: number;
  /** Statements of the case, ending in `return`. */
  readonly body: string;
}

const SHIFT = Math.log2(CHUNK_RULES);

export interface Dispatch {
  /** The function's name; its chunk functions are `<name>_<k>`. */
  readonly name: string;
  /** The parameter list, `j: number` first. */
  readonly params: string;
  /** The arguments passed on to a chunk function. */
  readonly args: string;
  readonly returnType: string;
  readonly cases: readonly DispatchCase[];
  /** The expression returned for a rule without a case. */
  readonly fallback: string;
  /** The doc comment of the function. */
  readonly doc: string;
}

/** `function name(params): returnType` dispatching rule `j` to its chunk, plus the chunk functions. */
export function dispatchFunctions({ name, params, args, returnType, cases, fallback, doc }: Dispatch): string {
  const chunks = new Map<number, DispatchCase[]>();
  for (const c of cases) {
    const k = c.rule >> SHIFT;
    let list = chunks.get(k);
    if (!list) chunks.set(k, (list = []));
    list.push(c);
  }
  const out = [
    `/** ${doc} */`,
    `function ${name}(${params}): ${returnType} {`,
    `  switch (j >> ${SHIFT}) {`,
    ...[...chunks.keys()].map((k) => `    case ${k}:\n      return ${name}_${k}(${args});`),
    `    default:\n      return ${fallback};`,
    `  }`,
    `}`,
  ];
  for (const [k, list] of chunks) {
    out.push(
      "",
      `function ${name}_${k}(${params}): ${returnType} {`,
      `  switch (j) {`,
      ...list.map((c) => `    case ${c.rule}:\n      ${c.body}`),
      `    default:\n      return ${fallback};`,
      `  }`,
      `}`,
    );
  }
  return out.join("\n");
}
