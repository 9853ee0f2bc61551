/**
 * examples/support.handoff written by hand as an engineer would: typeof checks and an `if` per rule.
 * It shares the decision assembly (`assemble`, `readContext`) with the generated module so that the
 * benchmark compares validation and matching, and both return the same decision. Invalid input gets
 * a crude answer here: the benchmark feeds it valid input only (and checks equality on it).
 */
import { assemble, formatDuration, readContext, type Decision, type Outcome } from "../runtime/prelude/index.ts";

const info = { name: "support-desk", version: "2026.11" };
type Rule = readonly [outcome: Outcome, severity: number, reason: string | null];
const o = (rule: string, action: Outcome["action"], owner: string | null, ownerName: string | null, withinSeconds: number | null, urgency: Outcome["urgency"], collect: string[] = [], confirm: string[] = []): Outcome => ({ rule, action, owner, ownerName, withinSeconds, urgency, collect, confirm });
const H = 3600;
const rules: Rule[] = [
  [o("angry_repeat", "escalate", "senior", "Senior support", 2 * H, "high", ["accountNumber", "preferredTime"]), 2, null],
  [o("medical", "stop", "clinician", "On-call clinician", H, "high", [], ["dateOfBirth"]), 3, null],
  [o("rule_71", "route", "billing", "Billing team", 24 * H, "normal"), 1, null],
  [o("prior_handoff_failed", "escalate", "senior", "Senior support", 1800, "critical", ["accountNumber"]), 2, "An earlier handoff in this conversation failed; the customer is waiting on us"],
  [o("account_compromised", "escalate", "security", "Security team", 1800, "critical", [], ["email"]), 2, "Customer reports that someone else has access to the account"],
  [o("legal_matter", "escalate", "legal", "Legal & compliance", 4 * H, "critical", ["accountNumber"]), 2, "Legal matter raised: a threat of action, a contract dispute or a regulator complaint"],
  [o("vulnerable_customer", "escalate", "senior", "Senior support", H, "high"), 2, "Customer may be in a vulnerable situation"],
  [o("missed_promise", "escalate", "senior", "Senior support", H, "high", ["accountNumber"]), 2, "We missed a promise made to this customer"],
  [o("financial_advice", "escalate", "legal", "Legal & compliance", 24 * H, "high"), 2, "Customer asks for financial or tax advice"],
  [o("high_value_unhappy", "escalate", "accounts", "Account management", 4 * H, "high"), 2, null],
  [o("long_unresolved", "escalate", "senior", "Senior support", 4 * H, "high", ["accountNumber"]), 2, null],
  [o("long_wait", "escalate", "senior", "Senior support", 900, "high"), 2, null],
  [o("chargeback", "stop", "billing", "Billing team", 24 * H, "high", ["orderNumber"]), 3, "Customer has filed a chargeback with their bank"],
  [o("large_refund", "stop", "billing", "Billing team", 48 * H, "high", ["orderNumber"]), 3, null],
  [o("discount_request", "stop", "accounts", "Account management", 24 * H, "high"), 3, "Discount requested; the assistant may not change prices"],
  [o("privacy_request", "route", "privacy", "Privacy office", 7 * 24 * H, "normal", [], ["email"]), 1, "Data-protection request (access, export or deletion)"],
  [o("language_change", "route", "multilingual", "Multilingual desk", 4 * H, "normal"), 1, null],
  [o("asks_for_human", "route", "frontline", "Frontline support", 900, "normal"), 1, "Customer asked for a person"],
  [o("asks_for_human_after_hours", "route", "callback", "Callback desk", 12 * H, "normal", ["phoneNumber", "preferredTime"]), 1, "Customer asked for a person outside business hours"],
  [o("prefers_phone", "route", "callback", "Callback desk", 4 * H, "normal", ["phoneNumber", "preferredTime"]), 1, "Enterprise customer prefers a phone call"],
  [o("cancellation", "route", "retention", "Customer success", 24 * H, "normal"), 1, null],
  [o("low_confidence", "route", "frontline", "Frontline support", H, "normal"), 1, null],
  [o("repeat_contact", "route", "frontline", "Frontline support", 2 * H, "normal"), 1, null],
  [o("known_outage", "answer", null, null, null, "low"), 0, "Known incident: answer from the status page"],
  [o("free_plan_billing", "answer", null, null, null, "low"), 0, "Free-plan billing questions are covered by the help centre"],
];
const says: (string | null)[] = [
  "I'm bringing in a senior colleague. They will contact you within 2 hours.",
  "I can't advise on this. A clinician will call you back within the hour.",
  null,
  "I'm sorry nobody got back to you. A senior colleague now owns this and will contact you within 30 minutes.",
  "I've alerted our security team; they will contact you within 30 minutes. Please don't share your password with anyone, including us.",
  "This needs our legal and compliance team. They will contact you within 4 hours.",
  "I'm asking a senior colleague to look after this personally. They will contact you within the hour.",
  "We didn't keep our promise, and I'm sorry. A senior colleague will contact you within the hour.",
  "I can't give financial or tax advice. Our compliance team will reply within 24 hours.",
  "I've asked your account manager to get in touch; they will contact you within 4 hours.",
  "This has taken far too long. A senior colleague will take it over and contact you within 4 hours.",
  "Thank you for your patience. A senior colleague will join this conversation within 15 minutes.",
  "Because a chargeback is open with your bank, I can't change anything on this payment. Our billing team will write to you within one day.",
  "Refunds of this size are approved by a person. Our billing team will reply within 2 days.",
  "I can't offer discounts myself. An account manager will reply within one day.",
  "I've passed your request to our privacy office. They will confirm your identity and reply within a week.",
  "A colleague who speaks your language will reply within 4 hours.",
  "Of course. I'm connecting you with a colleague, who will be with you within 15 minutes.",
  "Our team is offline right now. A colleague will call you back within 12 hours, at a time that suits you.",
  "I'll arrange a call with a colleague within 4 hours.",
  "I've passed this to our customer success team, who will contact you within one day.",
  "I want to get this right, so a colleague will reply within the hour.",
  "A colleague will pick this up personally within 2 hours.",
  null,
  null,
];
const reads: string[][] = [
  ["sentiment", "repeatContact"], ["topic"], ["topic", "tier"], ["priorHandoffFailed"], ["accountCompromised"], ["compliance"], ["vulnerable"],
  ["missedPromise"], ["compliance"], ["lifetimeValue", "sentiment"], ["unresolvedDays", "repeatContact"], ["waiting", "tier"], ["topic", "chargebackFiled"],
  ["topic", "refundAsked"], ["topic", "discountAsked"], ["compliance"], ["languageChanged", "language"], ["asksForHuman", "businessHours"],
  ["asksForHuman", "businessHours"], ["preferredChannel", "tier", "sentiment"], ["cancellationIntent", "tier"], ["confidence", "topic"],
  ["repeatContact", "contactCount"], ["knownOutage", "topic"], ["topic", "tier"],
];
const otherwise = o("otherwise", "answer", null, null, null, "low");
const invalid = o("invalid-input", "stop", "senior", "Senior support", 1800, "high");

const isNum = (v: unknown, min: number, max: number): v is number => typeof v === "number" && v >= min && v <= max;
const isCount = (v: unknown): v is number => typeof v === "number" && v >= 0 && Number.isInteger(v);

export function decideByHand(input: any, context?: unknown): Decision {
  const ctx = readContext(context);
  const sentiment = input.sentiment;
  const repeatContact = input.repeatContact;
  const contactCount = input.contactCount;
  const tier = input.tier;
  const topic = input.topic;
  const language = input.language;
  const waiting = input.waiting;
  const priorHandoffFailed = input.priorHandoffFailed ?? false;
  const missedPromise = input.missedPromise ?? false;
  const asksForHuman = input.asksForHuman ?? false;
  const businessHours = input.businessHours ?? true;
  const unresolvedDays = input.unresolvedDays ?? 0;
  const languageChanged = input.languageChanged ?? false;
  const lifetimeValue = input.lifetimeValue ?? 0;
  const compliance = input.compliance ?? "none";
  const accountCompromised = input.accountCompromised ?? false;
  const vulnerable = input.vulnerable ?? false;
  const chargebackFiled = input.chargebackFiled ?? false;
  const refundAsked = input.refundAsked ?? 0;
  const discountAsked = input.discountAsked ?? false;
  const cancellationIntent = input.cancellationIntent ?? false;
  const knownOutage = input.knownOutage ?? false;
  const confidence = input.confidence ?? 1;
  const preferredChannel = input.preferredChannel ?? "chat";
  const ok =
    isNum(sentiment, -1, 1) && typeof repeatContact === "boolean" && isCount(contactCount) &&
    (tier === "free" || tier === "pro" || tier === "enterprise") &&
    (topic === "billing" || topic === "pricing" || topic === "technical" || topic === "medical" || topic === "other") &&
    typeof language === "string" && isNum(waiting, 0, Number.MAX_VALUE) &&
    typeof priorHandoffFailed === "boolean" && typeof missedPromise === "boolean" && typeof asksForHuman === "boolean" &&
    typeof businessHours === "boolean" && isCount(unresolvedDays) && typeof languageChanged === "boolean" &&
    isNum(lifetimeValue, 0, Number.MAX_VALUE) &&
    (compliance === "none" || compliance === "legal" || compliance === "financial" || compliance === "privacy") &&
    typeof accountCompromised === "boolean" && typeof vulnerable === "boolean" && typeof chargebackFiled === "boolean" &&
    isNum(refundAsked, 0, Number.MAX_VALUE) && typeof discountAsked === "boolean" && typeof cancellationIntent === "boolean" &&
    typeof knownOutage === "boolean" && isNum(confidence, 0, 1) &&
    (preferredChannel === "chat" || preferredChannel === "email" || preferredChannel === "phone");
  if (!ok) return assemble(info, invalid, [], ["The assistant sent signals that failed validation"], "Something went wrong on our side. A colleague will pick up this conversation within 30 minutes.", {}, ctx, [{ signal: null, problem: "invalid" }]);
  const s: Record<string, number | string | boolean> = { sentiment, repeatContact, contactCount, tier, topic, language, waiting, priorHandoffFailed, missedPromise, asksForHuman, businessHours, unresolvedDays, languageChanged, lifetimeValue, compliance, accountCompromised, vulnerable, chargebackFiled, refundAsked, discountAsked, cancellationIntent, knownOutage, confidence, preferredChannel };

  const m: number[] = [];
  if (sentiment < -0.5 && repeatContact) m.push(0);
  if (topic === "medical") m.push(1);
  if ((topic === "billing" || topic === "pricing") && tier !== "free") m.push(2);
  if (priorHandoffFailed) m.push(3);
  if (accountCompromised) m.push(4);
  if (compliance === "legal") m.push(5);
  if (vulnerable) m.push(6);
  if (missedPromise) m.push(7);
  if (compliance === "financial") m.push(8);
  if (lifetimeValue >= 50000 && sentiment < -0.2) m.push(9);
  if (unresolvedDays >= 7 && repeatContact) m.push(10);
  if (waiting >= 1800 && tier === "enterprise") m.push(11);
  if (topic === "billing" && chargebackFiled) m.push(12);
  if (topic === "billing" && refundAsked > 500) m.push(13);
  if (topic === "pricing" && discountAsked) m.push(14);
  if (compliance === "privacy") m.push(15);
  if (languageChanged && language !== "en" && language !== "de" && language !== "fr" && language !== "es") m.push(16);
  if (asksForHuman && businessHours) m.push(17);
  if (asksForHuman && !businessHours) m.push(18);
  if (preferredChannel === "phone" && tier === "enterprise" && sentiment < 0) m.push(19);
  if (cancellationIntent && tier !== "free") m.push(20);
  if (confidence < 0.5 && (topic === "technical" || topic === "other")) m.push(21);
  if (repeatContact && contactCount >= 3) m.push(22);
  if (knownOutage && topic === "technical") m.push(23);
  if ((topic === "billing" || topic === "pricing") && tier === "free") m.push(24);

  const matched = m.map((i) => rules[i]![0].rule);
  if (m.length === 0) return assemble(info, otherwise, matched, [], null, {}, ctx, null);
  let w = m[0]!;
  for (const i of m) if (rules[i]![1] > rules[w]![1]) w = i;
  const reasons: string[] = [];
  const first = reasonOf(w, s);
  if (first !== null) reasons.push(first);
  for (const i of m) if (i !== w) { const r = reasonOf(i, s); if (r !== null) reasons.push(r); }
  const evidence: Record<string, number | string | boolean> = {};
  for (const k of reads[w]!) evidence[k] = s[k];
  return assemble(info, rules[w]![0], matched, reasons, says[w]!, evidence, ctx, null);
}

function reasonOf(i: number, s: Record<string, number | string | boolean>): string | null {
  switch (i) {
    case 0: return `Upset customer, contact number ${s.contactCount}`;
    case 9: return `Unhappy customer with a lifetime value of ${s.lifetimeValue} EUR`;
    case 10: return `Issue unresolved for ${s.unresolvedDays} days`;
    case 11: return `Enterprise customer has been waiting ${formatDuration(s.waiting as number)}`;
    case 13: return `Refund of ${s.refundAsked} EUR is above the assistant's limit of 500 EUR`;
    case 16: return `Customer switched to ${s.language}, which the assistant does not support`;
    case 20: return `Paying customer (${s.tier}) intends to cancel`;
    case 21: return `Assistant confidence ${s.confidence} is too low to answer`;
    case 22: return `Contact number ${s.contactCount} about the same issue`;
    default: return rules[i]![2];
  }
}
