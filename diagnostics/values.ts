/**
 * The one printer of signal values and example inputs, as every command shows them: strings
 * JSON-quoted (so `tier = "free"` reads the same for a text and an enum member, and a value with
 * spaces or quotes is unambiguous), numbers and booleans as JavaScript prints them.
 */
export type PrintableValue = number | string | boolean;

export function printValue(value: PrintableValue): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** An input as `signal = value` pairs in key order, separated by `, `. */
export function printExample(example: Readonly<Record<string, PrintableValue>>): string {
  return Object.entries(example)
    .map(([signal, value]) => `${signal} = ${printValue(value)}`)
    .join(", ");
}
