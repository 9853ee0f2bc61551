/**
 * Loads the extension's TextMate grammar the way VS Code does (vscode-textmate on the Oniguruma WASM
 * build) and tokenizes whole files line by line, carrying the rule stack across lines.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import oniguruma from "vscode-oniguruma";
import textmate from "vscode-textmate";

export const extensionDir = join(import.meta.dirname, "../../editor/vscode");
export const grammarPath = join(extensionDir, "syntaxes/handoff.tmLanguage.json");

export interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammar: Promise<textmate.IGrammar> | undefined;

function loadGrammar(): Promise<textmate.IGrammar> {
  grammar ??= (async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve("vscode-oniguruma/release/onig.wasm"));
    await oniguruma.loadWASM(wasm);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
        createOnigString: (text: string) => oniguruma.createOnigString(text),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === "source.handoff" ? textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath) : null,
    });
    const loaded = await registry.loadGrammar("source.handoff");
    if (!loaded) throw new Error("source.handoff did not load");
    return loaded;
  })();
  return grammar;
}

/** The tokens of every line of `source`, in order. */
export async function tokenize(source: string): Promise<Token[][]> {
  const g = await loadGrammar();
  let stack = textmate.INITIAL;
  return source.split(/\r\n|\r|\n/).map((line) => {
    const result = g.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/**
 * The scopes of the token that is exactly `text`, on the first line containing `line` (the
 * `occurrence`-th such token on that line, counting from 0).
 */
export function scopesOf(lines: readonly Token[][], line: string, text: string, occurrence = 0): readonly string[] {
  const row = lines.find((tokens) => tokens.map((t) => t.text).join("").includes(line));
  if (!row) throw new Error(`no line contains ${JSON.stringify(line)}`);
  const matches = row.filter((t) => t.text === text);
  const token = matches[occurrence];
  if (!token) {
    const shown = row.map((t) => JSON.stringify(t.text)).join(" ");
    throw new Error(`no token ${JSON.stringify(text)} (#${occurrence}) on that line; its tokens: ${shown}`);
  }
  return token.scopes;
}
