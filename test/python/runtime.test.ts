// The Python runtime's ports of JavaScript behaviour, value by value against JavaScript itself:
// String(x) for numbers (Number::toString), JSON.stringify of strings, message quoting of long
// strings, Object.keys order, and toISOString of deadlines.
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pythonRuntimeSource } from "../../compiler/python/index.ts";
import { transfer, writeModule } from "./python.ts";

/** Runs `expression` (a Python expression over `x`) for each value, in one process; the results as JSON. */
function python(expression: string, values: readonly unknown[]): unknown[] {
  const file = writeModule(`${pythonRuntimeSource()}\n\nimport json, sys\nfor line in sys.stdin:\n    x = json.loads(line)\n    sys.stdout.write(json.dumps(${expression}) + "\\n")\n`);
  const input = values.map((v) => transfer(v).text).join("\n") + "\n";
  const r = spawnSync("python3", [file], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as unknown);
}

const special = [
  0, -0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 1e21, 1e21 - 65536, 999999999999999900000, 1e-6, 1e-7, 1.5e-7, 123456789012345680000,
  5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, 2 ** 53 + 2, 1 / 3, 100, 1e100, 12345.6789,
  NaN, Infinity, -Infinity, 0.000001234, 1.7976931348623157e308, 4.35, 0.5, 1e20, 1.2e21,
];

describe("the Python runtime", () => {
  it("prints numbers as String(x) does", () => {
    const values = [...special, ...fc.sample(fc.double(), { numRuns: 5000, seed: 3 }), ...fc.sample(fc.integer(), { numRuns: 500, seed: 4 })];
    const got = python("_number_text(x)", values);
    values.forEach((v, i) => expect([v, got[i]]).toEqual([v, String(v)]));
  });

  it("reads integers as the nearest double, too large ones as ±Infinity", () => {
    const texts = ["9007199254740993", "1" + "0".repeat(400), "-" + "9".repeat(400), "123456789012345678901234567890"];
    const file = writeModule(`${pythonRuntimeSource()}\n\nimport json, sys\nfor line in sys.stdin:\n    sys.stdout.write(_number_text(int(line)) + "\\n")\n`);
    const r = spawnSync("python3", [file], { input: texts.join("\n") + "\n", encoding: "utf8" });
    expect(r.stdout.split("\n").slice(0, -1)).toEqual(texts.map((t) => String(Number(t))));
  });

  it("quotes strings as JSON.stringify, cut as the TypeScript messages cut them", () => {
    const strings = [
      "",
      '"\\\n\t\u0001\u001f\u007f',
      "\ud800",
      "\udc00x",
      "😀".repeat(30),
      "a" + "😀".repeat(25),
      "x".repeat(39) + "😀",
      "x".repeat(39) + "\ud800" + "yy",
      ...fc.sample(fc.string({ unit: "binary", maxLength: 60 }), { numRuns: 2000, seed: 5 }),
    ];
    const quoted = python("_json_quote(x)", strings);
    strings.forEach((s, i) => expect(quoted[i]).toBe(JSON.stringify(s)));
    const cut = python("_quote_for_message(x)", strings);
    const js = (text: string): string => {
      if (text.length <= 40) return JSON.stringify(text);
      let end = 40;
      const last = text.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end--;
      return JSON.stringify(text.slice(0, end)) + "... (" + text.length + " characters)";
    };
    strings.forEach((s, i) => expect(cut[i]).toBe(js(s)));
  });

  it("orders keys as Object.keys does", () => {
    const records = [{ b: 1, 2: 1, a: 1, 1: 1, "01": 1, 4294967295: 1, 4294967294: 1 }, ...fc.sample(fc.dictionary(fc.oneof(fc.string({ maxLength: 3 }), fc.nat(20).map(String)), fc.constant(1)), { numRuns: 300, seed: 6 })];
    const got = python("_js_keys(x)", records);
    records.forEach((r, i) => expect(got[i]).toEqual(Object.keys(r)));
  });

  it("formats instants as toISOString does, inside and outside years 0-9999", () => {
    const ms = [0, -1, 1.5, -1.5, 8.64e15, -8.64e15, 253402300800000, -62167219200001, ...fc.sample(fc.integer({ min: -8.64e15, max: 8.64e15 }), { numRuns: 2000, seed: 8 })];
    const got = python("_iso_utc(x)", ms);
    ms.forEach((m, i) => expect(got[i]).toBe(new Date(m).toISOString()));
  });
});
