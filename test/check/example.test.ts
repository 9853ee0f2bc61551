import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { builtinInvalidOutcome } from "../../compiler/check/index.ts";
import { run, supportExample } from "./helpers.ts";

describe("the issue's support-desk example", () => {
  const result = run(supportExample, "examples/support.handoff");
  const model = result.model!;

  it("checks with no diagnostics at all", () => {
    expect(result.seen).toEqual([]);
    expect(model).not.toBeNull();
  });

  it("has the header, signals, fields and owners", () => {
    expect(model.name).toBe("support-desk");
    expect(model.version).toBe("2026.11");
    expect(model.policy).toBe("most-severe");
    expect(model.sourceHash).toBe(createHash("sha256").update(supportExample).digest("hex"));
    expect(model.signals.map((s) => [s.name, s.type, s.defaultValue])).toEqual([
      ["sentiment", { kind: "number", integer: false, min: -1, max: 1 }, undefined],
      ["repeatContact", { kind: "bool" }, undefined],
      ["contactCount", { kind: "number", integer: true, min: 0, max: null }, undefined],
      ["tier", { kind: "enum", members: ["free", "pro", "enterprise"] }, undefined],
      ["topic", { kind: "enum", members: ["billing", "pricing", "technical", "medical", "other"] }, undefined],
      ["language", { kind: "text" }, undefined],
      ["waiting", { kind: "duration" }, undefined],
      ["priorHandoffFailed", { kind: "bool" }, false],
    ]);
    expect("defaultValue" in model.signals[0]!).toBe(false);
    expect(model.fields).toEqual([
      { name: "accountNumber", type: "text" },
      { name: "preferredTime", type: "text" },
      { name: "dateOfBirth", type: "text" },
    ]);
    expect(model.owners).toEqual([
      { key: "senior", displayName: "Senior support" },
      { key: "billing", displayName: "Billing team" },
      { key: "clinician", displayName: "On-call clinician" },
    ]);
  });

  it("resolves the three rules", () => {
    const [angry, medical, billing] = model.rules;
    expect(model.rules).toHaveLength(3);
    expect(angry).toMatchObject({
      name: "angry_repeat",
      action: "escalate",
      owner: "senior",
      ownerName: "Senior support",
      withinSeconds: 7200,
      urgency: "high",
      collect: ["accountNumber", "preferredTime"],
      confirm: [],
      reason: [
        { kind: "text", value: "Upset customer, contact number " },
        { kind: "signal", signal: "contactCount" },
      ],
      say: [{ kind: "text", value: "I'm bringing in a senior colleague. They will contact you within 2 hours." }],
      condition: {
        kind: "and",
        operands: [
          { kind: "cmp", signal: "sentiment", op: "<", value: -0.5 },
          { kind: "cmp", signal: "repeatContact", op: "==", value: true },
        ],
      },
      reads: ["sentiment", "repeatContact"],
    });
    expect(medical).toMatchObject({
      name: "medical",
      action: "stop",
      owner: "clinician",
      ownerName: "On-call clinician",
      withinSeconds: 3600,
      urgency: "high",
      collect: [],
      confirm: ["dateOfBirth"],
      reason: null,
      condition: { kind: "cmp", signal: "topic", op: "==", value: "medical" },
      reads: ["topic"],
    });
    const whenLine = supportExample.split("\n").findIndex((l) => l.startsWith("when topic in")) + 1;
    expect(billing).toMatchObject({
      name: `rule_${whenLine}`,
      action: "route",
      owner: "billing",
      ownerName: "Billing team",
      withinSeconds: 86400,
      urgency: "normal",
      reason: null,
      say: null,
      condition: {
        kind: "and",
        operands: [
          { kind: "in", signal: "topic", negated: false, values: ["billing", "pricing"] },
          { kind: "cmp", signal: "tier", op: "!=", value: "free" },
        ],
      },
      reads: ["topic", "tier"],
    });
  });

  it("has otherwise, the built-in on invalid, and the test", () => {
    expect(model.otherwise).toMatchObject({
      name: "otherwise",
      action: "answer",
      owner: null,
      ownerName: null,
      withinSeconds: null,
      urgency: "low",
      collect: [],
      confirm: [],
      reason: null,
      say: null,
    });
    expect(model.onInvalid).toBe(builtinInvalidOutcome);
    expect(builtinInvalidOutcome).toMatchObject({
      name: "invalid-input",
      action: "stop",
      owner: null,
      ownerName: null,
      withinSeconds: null,
      urgency: "high",
      collect: [],
      confirm: [],
      reason: null,
      say: null,
    });
    expect(model.tests).toEqual([
      {
        name: "angry repeat customers reach a senior",
        given: { sentiment: -0.9, repeatContact: true, topic: "technical" },
        expect: { kind: "action", action: "escalate", owner: "senior", withinSeconds: 7200 },
        span: expect.anything(),
      },
    ]);
  });

  it("is JSON-serialisable", () => {
    expect(() => JSON.stringify(model)).not.toThrow();
  });

  it("names the contract after the file when there is no `contract`", () => {
    const source = supportExample.replace('contract "support-desk"\n', "");
    expect(run(source, "some/dir/support.handoff").model!.name).toBe("support");
    expect(run(source, "C:\\dir\\clinic.handoff").model!.name).toBe("clinic");
    expect(run(source.replace('version "2026.11"\n', "").replace("policy most-severe\n", "")).model).toMatchObject({
      version: null,
      policy: "most-severe",
    });
  });
});
