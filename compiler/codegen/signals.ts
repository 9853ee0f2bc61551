/**
 * Per-contract signal handling: the `Signals` type, the `SignalSpec` constants the prelude's
 * `describeProblem` reads, and the straight-line reading/validation code shared by `decide` and
 * `validate`.
 *
 * Each signal is read once, as an own property (the prelude's `readOwn`, inlined), in declaration
 * order, into a local (`v<i>`). A fast
 * check inline accepts the common valid case; anything else goes to `note`, which asks the prelude's
 * `describeProblem` for the wording (the one source of validation messages) and records the problem.
 *
 * INVARIANT: a fast check that holds implies `describeProblem` returns null for that value, so it only
 * ever skips a call whose answer is known. A value the fast check rejects but `describeProblem` accepts
 * is still accepted: the prelude decides, as in the interpreter.
 */
import type { ContractModel, SignalModel, SignalType } from "../model.ts";
import { SET_THRESHOLD } from "./conditions.ts";
import { key, operand, signedNum, signedNumOrNull, str } from "./literals.ts";
import type { Locals } from "./names.ts";
import { array, assign, block, chain, ifParens, object, operandLines, ternary, unionMember, type Doc } from "./syntax.ts";

/** The TypeScript type of a signal's value. */
export function signalTsType(type: SignalType): string {
  switch (type.kind) {
    case "bool":
      return "boolean";
    case "number":
    case "duration":
      return "number";
    case "text":
      return "string";
    case "enum":
      return type.members.length === 0 ? "never" : type.members.map(str).join(" | ");
  }
}

/** The member of the `Signals` interface for a signal (`name?: type;` when it has a default). */
export function signalMember(signal: SignalModel): Doc {
  const name = `${key(signal.name)}${signal.defaultValue === undefined ? "" : "?"}`;
  const type = signal.type;
  return type.kind === "enum" && type.members.length > 0 ? unionMember(name, type.members.map(str)) : [name, ": ", signalTsType(type), ";"];
}

/** The `SignalSpec` object literal for a signal (as the interpreter's `signalSpecs` builds it). */
export function specLiteral(signal: SignalModel): Doc {
  const type = signal.type;
  const kind = type.kind === "number" ? (type.integer ? "int" : "number") : type.kind;
  return object([
    `name: ${str(signal.name)}`,
    `kind: ${str(kind)}`,
    `min: ${type.kind === "number" ? signedNumOrNull(type.min) : "null"}`,
    `max: ${type.kind === "number" ? signedNumOrNull(type.max) : "null"}`,
    ["members: ", type.kind === "enum" ? array(type.members.map(str)) : "null"],
    `defaultValue: ${signal.defaultValue === undefined ? "undefined" : operand(signal.defaultValue)}`,
  ]);
}

/**
 * Tests over `v`, joined by `op`, that hold only for valid values of `type`: finite numbers inside the
 * range (NaN fails every comparison; `< Infinity` excludes infinities), integers, members, strings.
 */
export function fastCheck(type: SignalType, v: string, enumSet: string | null): { readonly op: "&&" | "||"; readonly tests: readonly string[] } {
  const all = (...tests: string[]) => ({ op: "&&" as const, tests });
  switch (type.kind) {
    case "bool":
      return all(`typeof ${v} === "boolean"`);
    case "text":
      return all(`typeof ${v} === "string"`);
    case "duration":
      return all(`typeof ${v} === "number"`, `${v} >= 0`, `${v} < Infinity`);
    case "number": {
      const tests = [`typeof ${v} === "number"`];
      tests.push(type.min === null ? `${v} > -Infinity` : `${v} >= ${signedNum(type.min)}`);
      tests.push(type.max === null ? `${v} < Infinity` : `${v} <= ${signedNum(type.max)}`);
      if (type.integer) tests.push(`Number.isInteger(${v})`);
      return all(...tests);
    }
    case "enum":
      if (enumSet !== null) return all(`typeof ${v} === "string"`, `${enumSet}.has(${v})`);
      return type.members.length === 0 ? all("false") : { op: "||", tests: type.members.map((m) => `${v} === ${str(m)}`) };
  }
}

/** Whether an enum's members are tested with a module-level Set rather than an `||` chain. */
export function usesEnumSet(signal: SignalModel): boolean {
  return signal.type.kind === "enum" && signal.type.members.length > SET_THRESHOLD;
}

/**
 * Statements that read and validate every signal of `model` from `input` (an object) into locals
 * `v0…`, collecting problems in the already-declared `let problems: Problem[] | null`.
 */
export function readStatements(model: ContractModel, enumSets: readonly (string | null)[]): Doc[] {
  return model.signals.flatMap((signal, i) => {
    const v = `v${i}`;
    const r = `r${i}`;
    const type = signal.type.kind === "enum" ? "string" : signalTsType(signal.type);
    // Inlined `readOwn` with a constant key: a named property load V8 can cache, where a shared
    // helper taking the key as an argument makes every read a slow megamorphic keyed load.
    const name = str(signal.name);
    const own = chain([`!(${name} in OBJECT_PROTOTYPE)`, `hasOwnProperty.call(input, ${name})`], "||");
    const read = ternary(own, `(input as { readonly [key: string]: unknown })[${name}]`, "undefined");
    const value =
      signal.defaultValue === undefined ? `${r} as ${type}` : `(${r} === undefined ? ${operand(signal.defaultValue)} : ${r}) as ${type}`;
    const check = fastCheck(signal.type, v, enumSets[i] ?? null);
    return [
      `let ${r}: unknown;`,
      block("try", [[assign(r, read), ";"]], block("} catch", [`${r} = UNREADABLE;`])),
      `const ${v} = ${value};`,
      block(ifParens(operandLines(check.tests, check.op), "!"), [`problems = note(problems, SPEC_${i}, ${v});`]),
    ];
  });
}

/** An object literal `{ "name": <local>, ... }` of the given signals. */
export function signalsObject(locals: Locals, names: readonly string[]): Doc {
  return object(names.map((name) => `${key(name)}: ${locals.of(name)}`));
}
