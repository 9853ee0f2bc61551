/**
 * Calendars in the generated module: each declared calendar as a frozen `Calendar` constant (`CAL_<i>`,
 * in declaration order), and one staffing function per distinct (owner calendar, business time) pair
 * the outcomes use (`STAFF_<k>`, numbered in first-use order), which an outcome names in its `staff`
 * field. A contract without calendars gets none of this, and its module inlines no calendar code.
 */
import { staffingSignal, type CalendarModel, type ContractModel, type OpenInterval, type OutcomeModel } from "../model.ts";
import type { Locals } from "./names.ts";
import { hardline } from "../../format/doc.ts";
import { commentText, str } from "./literals.ts";
import { array, block, constDecl, objectLines, type Doc } from "./syntax.ts";

export interface ModuleStaffing {
  /** The `staff` function an outcome's constant names (declared on first use). */
  of(outcome: OutcomeModel): string;
  /** The declarations: every calendar, then the staffing functions used so far. */
  declarations(): Doc[];
}

/** Null when the contract has no `calendars` block. */
export function moduleStaffing(model: ContractModel): ModuleStaffing | null {
  const calendars = model.calendars;
  if (calendars === undefined) return null;
  const index = new Map(calendars.map((c, i) => [c.name, i]));
  const owners = new Map(model.owners.map((o) => [o.key, o.calendar]));
  const functions = new Map<string, { name: string; calendar: string; business: boolean }>();
  return {
    of(outcome) {
      const name = outcome.owner === null ? undefined : owners.get(outcome.owner);
      const i = name === undefined ? undefined : index.get(name);
      const calendar = i === undefined ? "null" : `CAL_${i}`;
      const business = outcome.businessTime === true;
      const key = `${calendar}/${business}`;
      let fn = functions.get(key);
      if (fn === undefined) {
        fn = { name: `STAFF_${functions.size}`, calendar, business };
        functions.set(key, fn);
      }
      return fn.name;
    },
    declarations() {
      return [
        ...calendars.map((c, i): Doc => [`// calendar ${commentText(c.name)}`, hardline(), constDecl(`CAL_${i}`, "Calendar", calendarLiteral(c))]),
        ...[...functions.values()].map((f) =>
          block(`function ${f.name}(decision: Decision, nowMs: number | null): void`, [`staffDecision(decision, ${f.calendar}, ${f.business}, nowMs);`]),
        ),
      ];
    },
  };
}

function intervals(list: readonly OpenInterval[]): Doc {
  return array(list.map(([start, end]) => `[${start}, ${end}]`));
}

function calendarLiteral(c: CalendarModel): Doc {
  const exceptions = Object.keys(c.exceptions).sort();
  return [
    "Object.freeze<Calendar>(",
    objectLines([
      `zone: ${str(c.zone)}`,
      ["weekly: ", array(c.weekly.map(intervals))],
      ["closed: ", array(c.closed.map(str))],
      ["exceptions: ", objectLines(exceptions.map((date) => [str(date), ": ", intervals(c.exceptions[date]!)]))],
    ]),
    ")",
  ];
}

/**
 * The statements of `decide`, after validation, that give each calendar a condition asks its open state
 * at `now` (as the interpreter's `withStaffing`): `const v7 = isOpen(CAL_0, now) === true;`.
 */
export function staffingStatements(model: ContractModel, locals: Locals): string[] {
  if (model.staffed === undefined) return [];
  const index = new Map((model.calendars ?? []).map((c, i) => [c.name, i]));
  return [
    "const nowMs = Math.floor(ctx.nowMs === null ? Date.now() : ctx.nowMs);",
    ...model.staffed.map((name) => `const ${locals.of(staffingSignal(name))} = isOpen(CAL_${index.get(name)}, nowMs) === true;`),
  ];
}
