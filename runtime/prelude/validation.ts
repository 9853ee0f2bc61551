/**
 * Input validation: the whole-input problem and the one source of each signal's problem wording.
 */
import type { Problem, SignalSpec } from "./types.ts";

/** The problem of a signal whose property could not be read (its getter or a Proxy trap threw). */
export const COULD_NOT_READ = "could not be read";

/** Strings quoted in problem messages are cut to this many UTF-16 units. */
const MESSAGE_QUOTE_LIMIT = 40;

/** The whole-input problem (not a plain object, array, null…), or null when `input` is a plain object. */
export function inputProblem(input: unknown): Problem | null {
  if (typeof input !== "object" || input === null) {
    return { signal: null, problem: "the input must be a plain object of signals, got " + typeNameOf(input) };
  }
  try {
    if (Array.isArray(input))
      return { signal: null, problem: "the input must be a plain object of signals, got an array" };
    const proto = Object.getPrototypeOf(input);
    if (proto === Object.prototype || proto === null) return null;
    return {
      signal: null,
      problem:
        "the input must be a plain object of signals, got an object that is not plain (a class instance, Map, Date...)",
    };
  } catch {
    // A Proxy whose getPrototypeOf trap throws, or a revoked Proxy.
    return { signal: null, problem: "the input could not be read" };
  }
}

/**
 * Why `value` is not a valid value of `spec`, or null when it is. `undefined` means absent: a problem
 * only for a required signal. This is the one source of validation wording.
 *
 * Wording: "must be EXPECTATION, got X", where X is the value itself when it has the right JSON type
 * (numbers as `String` prints them, strings JSON-quoted and cut to 40 characters) and its type
 * otherwise ("a string", "null", "an array"…). User text never reaches a message unquoted or unbounded.
 */
export function describeProblem(spec: SignalSpec, value: unknown): string | null {
  if (value === undefined) return spec.defaultValue === undefined ? "is required but missing" : null;
  switch (spec.kind) {
    case "bool":
      return typeof value === "boolean" ? null : "must be a boolean, got " + typeNameOf(value);
    case "text":
      return typeof value === "string" ? null : "must be a string, got " + typeNameOf(value);
    case "enum": {
      const members = spec.members === null ? [] : spec.members;
      if (typeof value === "string") {
        // Exact own membership: a linear scan with ===, never a property lookup, so "constructor",
        // "toString" or "__proto__" are members only if declared (the checker forbids declaring them).
        for (const member of members) if (member === value) return null;
        return "must be one of " + members.join(", ") + ", got " + quoteForMessage(value);
      }
      return "must be one of " + members.join(", ") + ", got " + typeNameOf(value);
    }
    case "duration":
      // NaN fails both comparisons; -0 >= 0 holds.
      if (typeof value === "number" && value >= 0 && value < Infinity) return null;
      return "must be a duration in seconds (a finite number >= 0), got " + numberShown(value);
    case "number":
    case "int":
      if (
        typeof value === "number" &&
        value > -Infinity &&
        value < Infinity &&
        (spec.min === null || value >= spec.min) &&
        (spec.max === null || value <= spec.max) &&
        (spec.kind === "number" || Number.isInteger(value))
      ) {
        return null;
      }
      return "must be " + numberExpectation(spec) + ", got " + numberShown(value);
  }
  return "has a type this module does not know";
}

/** "a string", "null", "an array"…: how a value's type reads in a problem. Never throws. */
function typeNameOf(value: unknown): string {
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "bigint":
      return "a bigint";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    case "undefined":
      return "undefined";
  }
  if (value === null) return "null";
  try {
    return Array.isArray(value) ? "an array" : "an object";
  } catch {
    return "an object"; // a revoked Proxy
  }
}

/** A number as `String` prints it (NaN, Infinity, 2.5), anything else by its type. */
function numberShown(value: unknown): string {
  return typeof value === "number" ? String(value) : typeNameOf(value);
}

/** JSON-quoted, cut to MESSAGE_QUOTE_LIMIT units (never inside a surrogate pair) with the full length noted. */
function quoteForMessage(text: string): string {
  if (text.length <= MESSAGE_QUOTE_LIMIT) return JSON.stringify(text);
  let end = MESSAGE_QUOTE_LIMIT;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return JSON.stringify(text.slice(0, end)) + "... (" + text.length + " characters)";
}

/** "a number between -1 and 1", "an integer >= 0", "a finite number"… */
function numberExpectation(spec: SignalSpec): string {
  const what = spec.kind === "int" ? "an integer" : "a number";
  if (spec.min !== null && spec.max !== null) return what + " between " + spec.min + " and " + spec.max;
  if (spec.min !== null) return what + " >= " + spec.min;
  if (spec.max !== null) return what + " <= " + spec.max;
  return spec.kind === "int" ? "an integer" : "a finite number";
}
