/**
 * The one printer of signal values and example inputs, as every command shows them: strings
 * JSON-quoted (so `tier = "free"` reads the same for a text and an enum member, and a value with
 * spaces or quotes is unambiguous), numbers and booleans as JavaScript prints them.
 */
export type PrintableValue = number | string | boolean;

export function printValue(value: PrintableValue): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * An input as `signal = value` pairs in key order, separated by `, `. A calendar's open state at `now`
 * (the analyses' synthetic `@NAME`, compiler/model.ts `staffingSignal`) reads `calendar NAME is open`.
 */
export function printExample(example: Readonly<Record<string, PrintableValue>>): string {
  return Object.entries(example)
    .map(([signal, value]) => (/^@[A-Za-z_][A-Za-z0-9_]*$/.test(signal) ? `calendar ${signal.slice(1)} is ${value === true ? "open" : "closed"}` : `${signal} = ${printValue(value)}`))
    .join(", ");
}
