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
import { key, literal, num, numOrNull, str } from "./literals.ts";
import type { Locals } from "./names.ts";

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

/** The `SignalSpec` object literal for a signal (as the interpreter's `signalSpecs` builds it). */
export function specLiteral(signal: SignalModel): string {
  const type = signal.type;
  const kind = type.kind === "number" ? (type.integer ? "int" : "number") : type.kind;
  const min = type.kind === "number" ? numOrNull(type.min) : "null";
  const max = type.kind === "number" ? numOrNull(type.max) : "null";
  const members = type.kind === "enum" ? `[${type.members.map(str).join(", ")}]` : "null";
  const defaultValue = signal.defaultValue === undefined ? "undefined" : literal(signal.defaultValue);
  return `{ name: ${str(signal.name)}, kind: ${str(kind)}, min: ${min}, max: ${max}, members: ${members}, defaultValue: ${defaultValue} }`;
}

/**
 * A boolean expression over `v` that holds only for valid values of `type`: finite numbers inside the
 * range (NaN fails every comparison; `< Infinity` excludes infinities), integers, members, strings.
 */
export function fastCheck(type: SignalType, v: string, enumSet: string | null): string {
  switch (type.kind) {
    case "bool":
      return `typeof ${v} === "boolean"`;
    case "text":
      return `typeof ${v} === "string"`;
    case "duration":
      return `typeof ${v} === "number" && ${v} >= 0 && ${v} < Infinity`;
    case "number": {
      const tests = [`typeof ${v} === "number"`];
      tests.push(type.min === null ? `${v} > -Infinity` : `${v} >= ${num(type.min)}`);
      tests.push(type.max === null ? `${v} < Infinity` : `${v} <= ${num(type.max)}`);
      if (type.integer) tests.push(`Number.isInteger(${v})`);
      return tests.join(" && ");
    }
    case "enum":
      if (enumSet !== null) return `typeof ${v} === "string" && ${enumSet}.has(${v})`;
      return type.members.length === 0 ? "false" : type.members.map((m) => `${v} === ${str(m)}`).join(" || ");
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
export function readStatements(model: ContractModel, enumSets: readonly (string | null)[]): string {
  return model.signals
    .map((signal, i) => {
      const v = `v${i}`;
      const type = signal.type.kind === "enum" ? "string" : signalTsType(signal.type);
      // Inlined `readOwn` with a constant key: a named property load V8 can cache, where a shared
      // helper taking the key as an argument makes every read a slow megamorphic keyed load.
      const name = str(signal.name);
      const read = `let r${i}: unknown;\ntry {\n r${i} = !(${name} in OBJECT_PROTOTYPE) || hasOwnProperty.call(input, ${name}) ? (input as { readonly [key: string]: unknown })[${name}] : undefined;\n} catch {\n r${i} = UNREADABLE;\n}`;
      const value =
        signal.defaultValue === undefined
          ? `${read}\nconst ${v} = r${i} as ${type};`
          : `${read}\nconst ${v} = (r${i} === undefined ? ${literal(signal.defaultValue)} : r${i}) as ${type};`;
      const check = `if (!(${fastCheck(signal.type, v, enumSets[i] ?? null)})) {\n problems = note(problems, SPEC_${i}, ${v});\n}`;
      return `${value}\n${check}`;
    })
    .join("\n");
}

/** An object literal `{ "name": <local>, ... }` of the given signals. */
export function signalsObject(locals: Locals, names: readonly string[]): string {
  return `{ ${names.map((name) => `${key(name)}: ${locals.of(name)}`).join(", ")} }`;
}
