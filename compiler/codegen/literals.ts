/**
 * Safe literal emission: the only way text from a contract reaches the generated module.
 *
 * INVARIANT: every string that came from the source (names, versions, owner names, enum members, text
 * literals, template parts, signal names used as keys) is emitted through `str` (directly, or as JSON
 * text inside `jsonTable`), and nothing from the source is ever spliced into code, a key position or a
 * comment any other way. `str` yields a
 * double-quoted ECMAScript string literal with no raw line terminators (LF, CR, U+2028, U+2029), no raw
 * `<` (so `</script>` cannot close an inline script) and no lone surrogates.
 */

const UNSAFE_IN_LITERAL = /[\u2028\u2029<]/g;

/** A double-quoted string literal whose value is exactly `value`. */
export function str(value: string): string {
  return JSON.stringify(value).replace(UNSAFE_IN_LITERAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A numeric expression whose value is exactly `value` (including -0, NaN and ±Infinity). Negative
 * values are parenthesised so that no neighbouring operator can combine with the sign (`- -1`, not
 * `--1`); `signedNum` is the form without them.
 */
export function num(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "(-Infinity)";
  if (Object.is(value, -0)) return "(-0)";
  const text = String(value);
  return value < 0 ? `(${text})` : text;
}

/**
 * A numeric literal without the parentheses `num` puts around negative values: for a position where a
 * leading minus cannot combine with a neighbour (an operand of a comparison, an array element, a
 * property value, a `case` label, a branch of a conditional). The generator never puts a number next
 * to `+`, `-` or `**`.
 */
export function signedNum(value: number): string {
  const text = num(value);
  return text.startsWith("(") ? text.slice(1, -1) : text;
}

/** A literal for a signal value in the positions `signedNum` admits. */
export function operand(value: string | number | boolean): string {
  return typeof value === "number" ? signedNum(value) : literal(value);
}

/** `null` or a numeric literal, in the positions `signedNum` admits. */
export function signedNumOrNull(value: number | null): string {
  return value === null ? "null" : signedNum(value);
}

/** A literal for a signal value: string, number or boolean. */
export function literal(value: string | number | boolean): string {
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return num(value);
  return value ? "true" : "false";
}

/** `null` or a string literal. */
export function strOrNull(value: string | null): string {
  return value === null ? "null" : str(value);
}

/** `null` or a numeric literal. */
export function numOrNull(value: number | null): string {
  return value === null ? "null" : num(value);
}

/** An array literal of string literals. */
export function strArray(values: readonly string[]): string {
  return `[${values.map(str).join(", ")}]`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * An object literal or type member key for `name`: bare when it is an ASCII identifier (a key, never
 * an expression, whatever the word), else a string literal. `__proto__` written as a plain key would
 * set the prototype, so it is emitted as a computed key (the checker rejects it as a name anyway; this
 * is defence in depth).
 */
export function key(name: string): string {
  if (name === "__proto__") return `[${str(name)}]`;
  return IDENTIFIER.test(name) ? name : str(name);
}

/**
 * Text for a `//` comment: the string literal of `value`, with `*\/` broken so that it could not end a
 * block comment either. The literal has no line terminators, so it cannot end a line comment.
 */
export function commentText(value: string): string {
  return str(value).replace(/\*\//g, "*\\/");
}

/**
 * An expression whose value is the JSON `lines` (already JSON text, each string in it made by `str`,
 * each number finite) joined by newlines: `JSON.parse(String.raw\`…\`)`. Large tables load faster
 * this way than as object literals, and stay one row per line. Inside the raw template, a backtick or
 * `${` could only occur within a JSON string, where it is written as a `\u` escape instead.
 */
export function jsonTable(lines: readonly string[]): string {
  return `JSON.parse(${rawText(lines)})`;
}

/**
 * Lines of JSON text as one `String.raw` template literal, the lines joined by newlines. A backtick or
 * `${` can only occur inside a JSON string, where the escapes `\u0060` and `$\u007b` mean the same.
 */
export function rawText(lines: readonly string[]): string {
  const text = lines.join("\n").replace(/`/g, "\\u0060").replace(/\$\{/g, "$\\u007b");
  return `String.raw\`${text}\``;
}

/** A finite number as JSON text, or null. */
export function jsonNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "null" : JSON.stringify(value);
}
