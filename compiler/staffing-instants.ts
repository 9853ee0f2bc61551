/**
 * An instant at which each calendar a condition asks has a given open state: what turns an analysis'
 * example (the synthetic `@NAME` booleans of compiler/model.ts) into a `now` that `decide` agrees with.
 *
 * The search walks minute by minute (every opening and closing falls on a minute) from a fixed Monday,
 * 2027-01-04T00:00Z, for up to 400 days, so the answer is the same on every run. The analyses treat
 * each calendar's state as a free boolean; two calendars whose hours tie their states (the same hours
 * in the same zone) may have no instant for a combination, and then the answer is null.
 */
import { isOpen, type Calendar } from "../runtime/prelude/index.ts";
import { staffingSignal, type ContractModel } from "./model.ts";

const FROM = Date.UTC(2027, 0, 4);
const STEP = 60_000;
const STEPS = 400 * 1440;

/** ISO UTC of the first such instant, or null; "" is never returned. Null when the model asks no calendar. */
export function staffingInstant(model: ContractModel, example: Readonly<Record<string, unknown>>): string | null {
  if (model.staffed === undefined) return null;
  const wanted: [Calendar, boolean][] = [];
  for (const name of model.staffed) {
    const c = model.calendars?.find((x) => x.name === name);
    if (c === undefined) return null;
    wanted.push([{ zone: c.zone, weekly: c.weekly, closed: c.closed, exceptions: c.exceptions }, example[staffingSignal(name)] === true]);
  }
  for (let i = 0; i < STEPS; i++) {
    const ms = FROM + i * STEP;
    if (wanted.every(([calendar, open]) => (isOpen(calendar, ms) === true) === open)) return new Date(ms).toISOString();
  }
  return null;
}
