/**
 * Python literals for contract values. Every string becomes a double-quoted literal of printable
 * ASCII only (like `json.dumps(..., ensure_ascii=True)`): quotes, backslashes, newlines, `{`, `#` and
 * every non-ASCII character are escaped or inert, so no contract text can end the literal or become
 * code. Never an f-string, never a triple-quoted string.
 */

/** A Python `str` literal holding exactly the JavaScript string `text` (lone surrogates included). */
export function pyStr(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

/** A Python number literal for a finite double: an int literal when it is an integer, else the shortest float. */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? BigInt(value).toString() : `${String(value)}`.replace("e+", "e");
  const text = String(value);
  return text.includes("e") ? text.replace("e+", "e") : text;
}

export type PyValue = null | boolean | number | string | readonly PyValue[] | { readonly tuple: readonly PyValue[] };

/** A Python literal: None, True/False, a number, a str, a list ([...]) or a tuple ({ tuple }). */
export function pyLiteral(value: PyValue): string {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return pyNumber(value);
  if (typeof value === "string") return pyStr(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(", ")}]`;
  const items = (value as { readonly tuple: readonly PyValue[] }).tuple.map(pyLiteral);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}
