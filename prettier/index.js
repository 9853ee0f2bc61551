// The Prettier plugin for `.handoff` contracts: `prettier --plugin ./prettier/index.js --write "**/*.handoff"`,
// or `"plugins": ["./prettier/index.js"]` in .prettierrc. The formatter is TypeScript run through tsx (as
// `bin/handoff.js` runs the CLI), so this entry registers tsx and re-exports the plugin.
import { register } from "tsx/esm/api";

register();
const plugin = await import("./plugin.ts");

export const languages = plugin.languages;
export const parsers = plugin.parsers;
export const printers = plugin.printers;
export default plugin.default;
