/**
 * Own properties: reading one without consulting the prototype chain (`readOwn`), recognising a
 * plain object, and writing an own data property that no inherited setter can intercept.
 */

export const hasOwnProperty = Object.prototype.hasOwnProperty;

export const OBJECT_PROTOTYPE: object = Object.prototype;

/**
 * The own property `key` of `input`, or undefined. May throw (a throwing getter or Proxy trap).
 * Never consults the prototype chain: inherited properties, `__proto__` and `constructor` (unless own)
 * read as undefined. An own property whose value is undefined is indistinguishable from an absent one,
 * so it counts as absent (a signal with a default takes its default). A getter runs exactly once.
 *
 * INVARIANT: the caller has checked that the prototype of `input` is `Object.prototype` or null
 * (`isPlainObject`). Then a property can only be inherited when `Object.prototype` has one of that
 * name, so `hasOwnProperty` (about 10 ns a call) is asked only then; a plain read is cached by V8.
 * Generated modules inline exactly this expression with a constant key.
 */
export function readOwn(input: object, key: string): unknown {
  return !(key in OBJECT_PROTOTYPE) || hasOwnProperty.call(input, key) ? (input as { [key: string]: unknown })[key] : undefined;
}

/** Whether `value` is an object whose prototype is Object.prototype or null. May throw (Proxy). */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Sets an own enumerable data property. Keys that Object.prototype knows (`__proto__`, `toString`…)
 * go through defineProperty, so no inherited setter runs and the prototype never changes; every other
 * key is a plain assignment on a fresh object (fast). The result JSON.stringifies normally.
 */
export function defineOwn(target: object, key: string, value: unknown): void {
  if (key in Object.prototype) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (target as { [key: string]: unknown })[key] = value;
  }
}
