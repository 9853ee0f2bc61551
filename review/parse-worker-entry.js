// The parse worker's entry: like bin/handoff.js, registers tsx so the TypeScript sources run as they are.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
