import { parse } from "../args.ts";
import type { Io } from "../io-types.ts";

export const lspCommand = {
  async run(args: readonly string[], _io: Io): Promise<number> {
    parse(args, { stdio: { type: "boolean" } }, "lsp");
    const { startServer } = await import("../../lsp/server.ts");
    const connection = startServer(process.stdin, process.stdout);
    // The connection ends the process on `exit`; until then, keep the command running.
    await new Promise<void>((resolve) => connection.onExit(() => resolve()));
    return 0;
  },
};
