/**
 * Random layouts of a contract: the same tokens, joined by random whitespace, blank lines, own-line
 * comments and end-of-line comments (some with trailing spaces), at any token boundary.
 */
import fc from "fast-check";
import { lexer } from "../../grammar/tokens.ts";

/** Whitespace that carries no blank line: the layout of a contract without comments never depends on it. */
export const plainSpace = [" ", "  ", "\t", "\n", "\r\n  ", "\n      "];

const separators = [
  " ",
  "  ",
  "\t",
  "\n",
  "\n\n\n",
  "\r\n  ",
  " # note\n",
  "   #trailing spaces   \n",
  "\n# own line\n",
  "\n\n  # after a blank line\n\n",
  "\n# first\n# second\n",
];

/** `source` with its tokens rejoined by random separators; comments already in it are kept as tokens of their own. */
export function sprinkled(source: string, choices: readonly string[] = separators): fc.Arbitrary<string> {
  const lexed = lexer.tokenize(source);
  const pieces = [...lexed.tokens, ...(lexed.groups["comments"] ?? [])]
    .sort((a, b) => a.startOffset - b.startOffset)
    .map((t) => (t.image.startsWith("#") ? `${t.image}\n` : t.image));
  const separator = fc.oneof({ arbitrary: fc.constant(" "), weight: 6 }, { arbitrary: fc.constantFrom(...choices), weight: 1 });
  return fc
    .array(separator, { minLength: pieces.length + 1, maxLength: pieces.length + 1 })
    .map((seps) => seps[0]! + pieces.map((p, i) => p + seps[i + 1]!).join(""));
}
