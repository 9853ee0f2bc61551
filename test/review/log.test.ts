import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { createDecisionLogger, REDACTED } from "../../runtime/log.ts";
import { readLine } from "../../review/lines.ts";

const source = `contract "intake"
version "7"
signals {
  topic: billing | medical
  patientName: text pii
  age: int in 0..130 pii
}
fields {
  dateOfBirth: text pii
  email: text pii
  orderNumber: text
}
owners { nurse: "Triage nurse" }
rule medical
  when topic is medical
  then stop to nurse within 1h
  confirm [dateOfBirth]
  reason "Patient {patientName}, aged {age}"
  say "A nurse will call {patientName} back within the hour."
otherwise answer
`;
const model = check(source, { fileName: "intake.handoff" }).model!;
const contract = { name: model.name, version: model.version, hash: model.sourceHash };
const pii = { signals: ["patientName", "age"], fields: ["dateOfBirth", "email"] };
const logger = createDecisionLogger({ contract, pii, clock: () => Date.parse("2026-11-02T09:00:00Z") });

describe("decision log lines", () => {
  it("have the documented shape and read back as a decision", () => {
    const signals = { topic: "billing", patientName: "Ada", age: 40 };
    const context = { now: "2026-11-02T08:59:00Z" };
    const decision = interpret(model, signals, context);
    const line = logger.decision({ conversationId: "c1", turn: 3, signals, context, decision });
    const parsed = JSON.parse(line);
    expect(Object.keys(parsed)).toEqual(["type", "ts", "conversationId", "turn", "contract", "signals", "context", "decision"]);
    expect(parsed).toMatchObject({ type: "decision", ts: "2026-11-02T09:00:00.000Z", conversationId: "c1", turn: 3, contract });
    expect(parsed.context.now).toBe("2026-11-02T08:59:00.000Z");
    expect(line).not.toContain("\n");
    expect(readLine(line)).toMatchObject({ type: "decision", action: "answer", rule: "otherwise", turn: 3 });
  });

  it("redact pii values everywhere, keeping their keys", () => {
    const signals = { topic: "medical", patientName: "Ada Lovelace", age: 57 };
    const context = { now: "2026-11-02T09:00:00Z", collected: { dateOfBirth: "1815-12-10", email: "ada@example.com", orderNumber: "O-1" } };
    const decision = interpret(model, signals, context);
    const line = logger.decision({ conversationId: "c1", turn: 1, signals, context, decision });
    const withoutHash = line.replace(model.sourceHash, "");
    for (const secret of ["Ada Lovelace", "1815-12-10", "ada@example.com", "57"]) expect(withoutHash).not.toContain(secret);
    const parsed = JSON.parse(line);
    expect(parsed.signals).toEqual({ topic: "medical", patientName: REDACTED, age: REDACTED });
    expect(parsed.context.collected).toEqual({ dateOfBirth: REDACTED, email: REDACTED, orderNumber: "O-1" });
    const brief = parsed.decision.brief;
    expect(brief.collected).toEqual({ dateOfBirth: REDACTED, email: REDACTED, orderNumber: "O-1" });
    expect(brief.riskReason).toBe(`Patient ${REDACTED}, aged ${REDACTED}`);
    expect(parsed.decision.say).toBe(`A nurse will call ${REDACTED} back within the hour.`);
    expect(brief.promisedNextStep).toBe(parsed.decision.say);
    // Presence stays visible: "already collected" and what must be confirmed anyway.
    expect(parsed.decision.doNotReAsk).toEqual(["email", "orderNumber"]);
    expect(parsed.decision.confirm).toEqual(["dateOfBirth"]);
    // The caller's decision is not changed by logging it.
    expect(decision.brief!.collected.email).toBe("ada@example.com");
  });

  it("redact the evidence signals a rule read and problems that quote a pii value", () => {
    const bySignal = createDecisionLogger({ contract, pii: { signals: ["topic", "age"], fields: [] } });
    const signals = { topic: "medical", patientName: "Ada", age: 36 };
    const parsed = JSON.parse(bySignal.decision({ conversationId: "c", turn: 1, signals, decision: interpret(model, signals) }));
    expect(parsed.decision.brief.evidence.signals).toEqual({ topic: REDACTED });
    const invalid = { topic: "medical", patientName: "Ada", age: 300 };
    const bad = JSON.parse(logger.decision({ conversationId: "c", turn: 2, signals: invalid, decision: interpret(model, invalid) }));
    expect(bad.decision.invalid).toEqual([{ signal: "age", problem: `must be an integer between 0 and 130, got ${REDACTED}` }]);
    expect(JSON.stringify(bad).replace(model.sourceHash, "")).not.toContain("300");
  });

  it("leave decisions and analysis unchanged: pii is a log concern only", () => {
    const plain = check(source.replace(/ pii/g, ""), { fileName: "intake.handoff" }).model!;
    const input = { topic: "medical", patientName: "Ada", age: 36 };
    const ctx = { now: 0 };
    expect(interpret(model, input, ctx)).toEqual(interpret(plain, input, ctx));
  });

  it("take the pii names from the contract when it carries them", () => {
    const fromContract = createDecisionLogger({ contract: { ...contract, pii } });
    const signals = { topic: "billing", patientName: "Ada", age: 57 };
    expect(JSON.parse(fromContract.decision({ conversationId: "c", turn: 1, signals, decision: interpret(model, signals) })).signals).toEqual({ topic: "billing", patientName: REDACTED, age: REDACTED });
  });

  it("write events, and refuse an unknown event", () => {
    const line = logger.event({ conversationId: "c1", turn: 2, event: "handoff-accepted", ts: 0 });
    expect(JSON.parse(line)).toEqual({ type: "event", ts: "1970-01-01T00:00:00.000Z", conversationId: "c1", turn: 2, event: "handoff-accepted" });
    expect(() => logger.event({ conversationId: "c1", turn: 2, event: "lunch" as never })).toThrow(/unknown conversation event "lunch"/);
  });
});
