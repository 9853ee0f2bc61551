import { describe, expect, it } from "vitest";
import type { StringLiteral } from "../../grammar/ast.ts";
import { parse } from "../../grammar/parse.ts";
import { described, only, parseClean, rules, underlined } from "./helpers.ts";

function reasonOf(source: string): StringLiteral {
  const clause = rules(parseClean(source))[0]!.clauses[0]!;
  if (clause.kind !== "reason-clause") throw new Error("expected a reason");
  return clause.text;
}

/** Each part as [kind, value or name, what its span underlines]. */
function parts(source: string, text: StringLiteral): [string, string, string][] {
  return text.parts.map((p) =>
    p.kind === "text" ? ["text", p.value, underlined(source, p.span)] : ["interpolation", p.name.text, underlined(source, p.span)],
  );
}

describe("templates", () => {
  it("split at {signal} with spans into the source", () => {
    const source = 'when a then answer reason "Upset {sentiment}, contact {count}!"';
    const text = reasonOf(source);
    expect(text.value).toBe("Upset {sentiment}, contact {count}!");
    expect(parts(source, text)).toEqual([
      ["text", "Upset ", "Upset "],
      ["interpolation", "sentiment", "{sentiment}"],
      ["text", ", contact ", ", contact "],
      ["interpolation", "count", "{count}"],
      ["text", "!", "!"],
    ]);
    const first = text.parts[1]!;
    expect(first.kind === "interpolation" && underlined(source, first.name.span)).toBe("sentiment");
  });

  it("map spans through escapes, and treat \\{ as a literal brace", () => {
    const source = String.raw`when a then answer reason "a\"b\n{x}\{y}\\{z}\t"`;
    const text = reasonOf(source);
    expect(text.value).toBe('a"b\n{x}{y}\\{z}\t');
    expect(parts(source, text)).toEqual([
      ["text", 'a"b\n', String.raw`a\"b\n`],
      ["interpolation", "x", "{x}"],
      ["text", "{y}\\", String.raw`\{y}\\`],
      ["interpolation", "z", "{z}"],
      ["text", "\t", String.raw`\t`],
    ]);
  });

  it("have no parts for an empty string, and one text part for plain text", () => {
    expect(reasonOf('when a then answer reason ""').parts).toEqual([]);
    const source = 'when a then answer reason "plain"';
    expect(parts(source, reasonOf(source))).toEqual([["text", "plain", "plain"]]);
  });

  it("report a { that does not start an interpolation in reason and say, at the brace", () => {
    const source = 'when a then answer reason "x { y" say "{1} and {ok} and {"';
    const { ast, diagnostics } = parse(source);
    expect(described(source, diagnostics)).toEqual([
      ["bad-interpolation", "{", "this `{` does not start an interpolation such as `{signal}`"],
      ["bad-interpolation", "{", "this `{` does not start an interpolation such as `{signal}`"],
      ["bad-interpolation", "{", "this `{` does not start an interpolation such as `{signal}`"],
    ]);
    expect(diagnostics.map((d) => d.span.startColumn)).toEqual([30, 40, 57]);
    expect(diagnostics[0]!.hint).toBe("write `\\{` for a literal brace");
    // The brace stays text.
    const say = rules(ast)[0]!.clauses[1]!;
    expect(say.kind === "say-clause" && say.text.parts.map((p) => p.kind)).toEqual(["text", "interpolation", "text"]);
  });

  it("leave a stray { alone in strings that are not templates, but still split faithfully", () => {
    const source = 'contract "a {b} c { d"\nowners { x: "R&D {team" }';
    const ast = parseClean(source);
    const name = only(ast, "contract-decl").name;
    expect(name.value).toBe("a {b} c { d");
    expect(parts(source, name)).toEqual([
      ["text", "a ", "a "],
      ["interpolation", "b", "{b}"],
      ["text", " c { d", " c { d"],
    ]);
    expect(only(ast, "owners-block").owners[0]!.displayName.value).toBe("R&D {team");
  });

  it("keep characters that are special elsewhere", () => {
    const payload = "`${x}` */ \u2028\u2029 <script> __proto__ ' #not-a-comment";
    const source = `contract "${payload}"`;
    expect(only(parseClean(source), "contract-decl").name.value).toBe(payload);
  });
});
