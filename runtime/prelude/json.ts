/**
 * JSON copying: a private deep copy of a value from the host, bounded in depth and size, that
 * refuses anything JSON cannot represent.
 */
import type { JsonValue } from "./types.ts";
import { defineOwn, hasOwnProperty, readOwn } from "./own.ts";

/** Limits for each part of the context (customer, collected, evidence, priorActions). */
const CONTEXT_MAX_DEPTH = 16;

export const CONTEXT_MAX_NODES = 10000;

/** A private JSON copy of `value` within the limits, or null when it is malformed. */
export function copyJson(value: unknown): JsonValue {
  try {
    return cloneJson(value, 0, { left: CONTEXT_MAX_NODES });
  } catch {
    return null;
  }
}

/**
 * A deep JSON copy; THROWS on anything malformed (callers catch and drop the whole part).
 * Accepted: null, booleans, strings, finite numbers (-0 becomes 0), arrays without holes, and objects
 * whose prototype is Object.prototype or null (own enumerable string keys; symbol keys are skipped;
 * copies are ordinary objects, `__proto__` kept as an own key). Rejected: undefined, functions,
 * symbols, bigints, NaN, ±Infinity, holes, other objects (Date, Map, class instances…), more than
 * CONTEXT_MAX_DEPTH nested containers (which also ends every cycle), more than `budget.left` values
 * below the top (checked against `length` and the key count before iterating, so a huge or sparse
 * array is refused at once), and any getter or Proxy trap that throws.
 */
export function cloneJson(value: unknown, depth: number, budget: { left: number }): JsonValue {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (value > -Infinity && value < Infinity) return value === 0 ? 0 : value;
      throw new RangeError("not a finite number");
    case "object":
      if (value === null) return null;
      break;
    default:
      throw new TypeError("not a JSON value");
  }
  if (depth >= CONTEXT_MAX_DEPTH) throw new RangeError("too deep");
  if (Array.isArray(value)) {
    const length = value.length;
    if (!(length <= budget.left)) throw new RangeError("too large");
    budget.left -= length;
    const out: JsonValue[] = [];
    for (let i = 0; i < length; i++) {
      if (!hasOwnProperty.call(value, i)) throw new TypeError("a hole");
      out.push(cloneJson(value[i], depth + 1, budget));
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new TypeError("not a plain object");
  const keys = Object.keys(value);
  if (keys.length > budget.left) throw new RangeError("too large");
  budget.left -= keys.length;
  const out: { [key: string]: JsonValue } = {};
  for (const key of keys) defineOwn(out, key, cloneJson(readOwn(value, key), depth + 1, budget));
  return out;
}
