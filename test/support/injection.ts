/**
 * The injection corpus: payloads that would break out of a string literal, a comment, a template or a
 * key if spliced as code, and a model that puts one payload in every string position.
 */
import type { ContractModel } from "../../compiler/model.ts";
import { builtinInvalid, c, outcome, rule, signal, t } from "./model-fixtures.ts";

export const payloads: readonly string[] = [
  '"',
  "'",
  "`",
  "\\",
  '\\"',
  "${x}",
  "`${globalThis.pwned = 1}`",
  '"+(globalThis.pwned=1)+"',
  "'+(globalThis.pwned=1)+'",
  '"; globalThis.pwned = 1; "',
  '"]); globalThis.pwned = 1; (["',
  '" } as const); globalThis.pwned = 1; ({ "',
  "*/",
  "/*",
  "//",
  "*/ globalThis.pwned = 1; /*",
  "\n globalThis.pwned = 1; //",
  "\u2028globalThis.pwned = 1;//",
  "\u2029",
  "\r",
  "\n",
  "\r\n",
  "\\n",
  "\\u2028",
  "\\x22",
  "\\u0022",
  "\0",
  "a\u0000b",
  "</script><script>globalThis.pwned=1</script>",
  "<!--",
  "-->",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "class",
  "function",
  "return",
  "await",
  "yield",
  "let",
  "enum",
  "import",
  "export",
  "default",
  "null",
  "undefined",
  "NaN",
  "this",
  "eval",
  "arguments",
  "{x}",
  "{",
  "}",
  "#",
  "#!/bin/sh",
  "// @ts-nocheck",
  "@ts-ignore",
  "é中😀",
  "\ud800",
  "\udfff\ud800",
  "\ufeff",
  "\t\v\f",
  " ",
  "a\u0085b",
  "\u200b\u200e\u202e",
  "x".repeat(2000),
  "import('data:text/javascript,globalThis.pwned=1')",
  "require('child_process')",
];

/** Names that the checker rejects as signal names; the generated code is still safe, but skip them. */
const reservedNames = new Set(["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"]);

/** The signal name the injected model uses for `payload` (the payload itself unless reserved). */
export function injectedSignalName(payload: string): string {
  return reservedNames.has(payload) ? "named" : payload;
}

/**
 * A model with `p` in every string position: contract name, version, hash, owner key and display name,
 * field names, signal name, enum member, text literals, default values, rule names and every text part
 * of `reason` and `say`, in rules, `otherwise` and `on invalid`.
 */
export function injectedModel(p: string): ContractModel {
  const owners = [{ key: p, displayName: p }];
  const named = injectedSignalName(p);
  return {
    name: p,
    version: p,
    policy: "most-severe",
    sourceHash: p,
    signals: [signal("s", t.text), signal("e", t.enum(p, "other")), signal(named, t.text, p)],
    fields: [{ name: p, type: "text" }],
    owners,
    rules: [
      rule(
        p,
        c.and(c.is("s", p), c.in(named, [p, `${p}x`])),
        {
          action: "escalate",
          owner: p,
          within: 60,
          collect: [p],
          confirm: [p],
          reason: [
            { kind: "text", value: p },
            { kind: "signal", signal: "s" },
            { kind: "text", value: p },
          ],
          say: [
            { kind: "text", value: p },
            { kind: "signal", signal: "e" },
          ],
        },
        owners,
      ),
      rule(
        `${p}2`,
        c.or(c.is("e", p), c.in("s", [p, `${p}y`, "a", "b", "c", "d", "e", "f", "g", "h"])),
        { action: "route", owner: p, reason: [{ kind: "text", value: p }] },
        owners,
      ),
    ],
    otherwise: outcome("otherwise", { action: "answer", reason: [{ kind: "text", value: p }] }),
    onInvalid: { ...builtinInvalid, owner: p, ownerName: p, reason: [{ kind: "text", value: p }], say: [{ kind: "text", value: p }] },
    tests: [],
    monotone: [],
  };
}
