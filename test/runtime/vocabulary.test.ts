// The runtime prelude cannot import grammar/vocabulary.ts (a generated module imports nothing), so it
// spells its vocabulary out as union types. These tests read those unions from the prelude source and
// tie them to the vocabulary tables, so a word added to one side only fails here.
import { readFileSync } from "node:fs";
import { Node, Project, SyntaxKind, type TypeNode } from "ts-morph";
import { describe, expect, it } from "vitest";
import { EXPORTED_PRELUDE_TYPES } from "../../compiler/codegen/prelude-files.ts";
import { actionNames, primitiveTypeNames, urgencyNames } from "../../grammar/vocabulary.ts";

/** The file that declares the prelude's types. */
const PRELUDE_TYPES = new URL("../../runtime/prelude/types.ts", import.meta.url);

const file = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true }).createSourceFile(
  "types.ts",
  readFileSync(PRELUDE_TYPES, "utf8"),
);

/** The members of a union of string literal types; throws on any other member. */
function literalMembers(type: TypeNode): string[] {
  const members = Node.isUnionTypeNode(type) ? type.getTypeNodes() : [type];
  return members.map((member) => {
    const literal = Node.isLiteralTypeNode(member) ? member.getLiteral() : undefined;
    if (!Node.isStringLiteral(literal)) throw new Error(`not a string literal type: ${member.getText()}`);
    return literal.getLiteralValue();
  });
}

function aliasMembers(name: string): string[] {
  return literalMembers(file.getTypeAliasOrThrow(name).getTypeNodeOrThrow());
}

function propertyMembers(interfaceName: string, property: string): string[] {
  return literalMembers(file.getInterfaceOrThrow(interfaceName).getPropertyOrThrow(property).getTypeNodeOrThrow());
}

const sorted = (words: readonly string[]): string[] => [...words].sort();

describe("the prelude's vocabulary", () => {
  it("`Action` has exactly the actions of grammar/vocabulary.ts", () => {
    expect(sorted(aliasMembers("Action"))).toEqual(sorted(actionNames));
  });

  it("`Urgency` has exactly the urgencies of grammar/vocabulary.ts", () => {
    expect(sorted(aliasMembers("Urgency"))).toEqual(sorted(urgencyNames));
  });

  it("`SignalSpec.kind` has exactly the primitive types of grammar/vocabulary.ts and `enum`", () => {
    expect(sorted(propertyMembers("SignalSpec", "kind"))).toEqual(sorted([...primitiveTypeNames, "enum"]));
  });

  it("the exported types name no other vocabulary word (a new one must be tied here)", () => {
    // Action and Urgency are tied above; any string literal type in another type a generated module
    // exports (a policy, say) would be vocabulary this file does not yet check.
    const untied = [...EXPORTED_PRELUDE_TYPES]
      .filter((name) => name !== "Action" && name !== "Urgency")
      .flatMap((name) => {
        const declaration = file.getInterface(name) ?? file.getTypeAlias(name);
        if (declaration === undefined) throw new Error(`the prelude does not declare \`${name}\``);
        return declaration
          .getDescendantsOfKind(SyntaxKind.LiteralType)
          .filter((t) => Node.isStringLiteral(t.getLiteral()))
          .map((t) => `${name}: ${t.getText()}`);
      });
    expect(untied).toEqual([]);
  });
});
