/**
 * The names of the matching strategies (plan.ts says when each is chosen; strategies/<name>.ts emits
 * it). Kept apart so the CLI can validate `--strategy` without loading the code generator.
 */
export const strategyNames = ["inline", "chunked", "indexed"] as const;

export type Strategy = (typeof strategyNames)[number];

export function isStrategy(name: string): name is Strategy {
  return (strategyNames as readonly string[]).includes(name);
}
