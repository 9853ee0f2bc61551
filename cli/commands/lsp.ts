import { parse } from "../args.ts";
import type { Io } from "../io-types.ts";

export const lspCommand = {
  help: `Usage: handoff lsp [--stdio]

Runs the handoff language server, speaking the Language Server Protocol (JSON-RPC) over standard input
and output, for any editor: diagnostics as \`handoff check\` reports them, completion, hover, go to
definition, references, rename, outline, folding, semantic tokens, quick fixes and formatting.
It runs until the editor sends \`exit\`. See docs/editor.md.
  --stdio   accepted and ignored (standard input and output are the only transport)`,
  async run(args: readonly string[], _io: Io): Promise<number> {
    parse(args, { stdio: { type: "boolean" } }, "lsp");
    const { startServer } = await import("../../lsp/server.ts");
    const connection = startServer(process.stdin, process.stdout);
    // The connection ends the process on `exit`; until then, keep the command running.
    await new Promise<void>((resolve) => connection.onExit(() => resolve()));
    return 0;
  },
};
