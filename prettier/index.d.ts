// Types of the plain-JavaScript entry: the same exports as the plugin it loads.
export * from "./plugin.ts";
export { default } from "./plugin.ts";
