# examples/support.handoff written by hand in Python, as an engineer would without handoff: isinstance
# checks on plain dict reads and an `if` per rule. The Python counterpart of bench/handwritten-support.ts:
# it shares the decision assembly (_assemble, _read_context) and the number formatting (_format_value, _format_duration)
# with the generated module, injected by bench/python-driver.py, so the benchmark compares validation and
# matching, and both return the same decision. Invalid input gets a crude answer here: the benchmark feeds
# valid input only (and checks equality on it).
INFO = ("support-desk", "2026.11")
H = 3600


def o(rule, action, owner, owner_name, within, urgency, collect=(), confirm=()):
    return (rule, action, owner, owner_name, within, urgency, tuple(collect), tuple(confirm))


# (outcome, severity, reason)
RULES = [
    (o("angry_repeat", "escalate", "senior", "Senior support", 2 * H, "high", ["accountNumber", "preferredTime"]), 2, None),
    (o("medical", "stop", "clinician", "On-call clinician", H, "high", [], ["dateOfBirth"]), 3, None),
    (o("rule_71", "route", "billing", "Billing team", 24 * H, "normal"), 1, None),
    (o("prior_handoff_failed", "escalate", "senior", "Senior support", 1800, "critical", ["accountNumber"]), 2, "An earlier handoff in this conversation failed; the customer is waiting on us"),
    (o("account_compromised", "escalate", "security", "Security team", 1800, "critical", [], ["email"]), 2, "Customer reports that someone else has access to the account"),
    (o("legal_matter", "escalate", "legal", "Legal & compliance", 4 * H, "critical", ["accountNumber"]), 2, "Legal matter raised: a threat of action, a contract dispute or a regulator complaint"),
    (o("vulnerable_customer", "escalate", "senior", "Senior support", H, "high"), 2, "Customer may be in a vulnerable situation"),
    (o("missed_promise", "escalate", "senior", "Senior support", H, "high", ["accountNumber"]), 2, "We missed a promise made to this customer"),
    (o("financial_advice", "escalate", "legal", "Legal & compliance", 24 * H, "high"), 2, "Customer asks for financial or tax advice"),
    (o("high_value_unhappy", "escalate", "accounts", "Account management", 4 * H, "high"), 2, None),
    (o("long_unresolved", "escalate", "senior", "Senior support", 4 * H, "high", ["accountNumber"]), 2, None),
    (o("long_wait", "escalate", "senior", "Senior support", 900, "high"), 2, None),
    (o("chargeback", "stop", "billing", "Billing team", 24 * H, "high", ["orderNumber"]), 3, "Customer has filed a chargeback with their bank"),
    (o("large_refund", "stop", "billing", "Billing team", 48 * H, "high", ["orderNumber"]), 3, None),
    (o("discount_request", "stop", "accounts", "Account management", 24 * H, "high"), 3, "Discount requested; the assistant may not change prices"),
    (o("privacy_request", "route", "privacy", "Privacy office", 7 * 24 * H, "normal", [], ["email"]), 1, "Data-protection request (access, export or deletion)"),
    (o("language_change", "route", "multilingual", "Multilingual desk", 4 * H, "normal"), 1, None),
    (o("asks_for_human", "route", "frontline", "Frontline support", 900, "normal"), 1, "Customer asked for a person"),
    (o("asks_for_human_after_hours", "route", "callback", "Callback desk", 12 * H, "normal", ["phoneNumber", "preferredTime"]), 1, "Customer asked for a person outside business hours"),
    (o("prefers_phone", "route", "callback", "Callback desk", 4 * H, "normal", ["phoneNumber", "preferredTime"]), 1, "Enterprise customer prefers a phone call"),
    (o("cancellation", "route", "retention", "Customer success", 24 * H, "normal"), 1, None),
    (o("low_confidence", "route", "frontline", "Frontline support", H, "normal"), 1, None),
    (o("repeat_contact", "route", "frontline", "Frontline support", 2 * H, "normal"), 1, None),
    (o("known_outage", "answer", None, None, None, "low"), 0, "Known incident: answer from the status page"),
    (o("free_plan_billing", "answer", None, None, None, "low"), 0, "Free-plan billing questions are covered by the help centre"),
]
SAYS = [
    "I'm bringing in a senior colleague. They will contact you within 2 hours.",
    "I can't advise on this. A clinician will call you back within the hour.",
    None,
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
    None,
    None,
]
READS = [
    ["sentiment", "repeatContact"], ["topic"], ["topic", "tier"], ["priorHandoffFailed"], ["accountCompromised"], ["compliance"], ["vulnerable"],
    ["missedPromise"], ["compliance"], ["lifetimeValue", "sentiment"], ["unresolvedDays", "repeatContact"], ["waiting", "tier"], ["topic", "chargebackFiled"],
    ["topic", "refundAsked"], ["topic", "discountAsked"], ["compliance"], ["languageChanged", "language"], ["asksForHuman", "businessHours"],
    ["asksForHuman", "businessHours"], ["preferredChannel", "tier", "sentiment"], ["cancellationIntent", "tier"], ["confidence", "topic"],
    ["repeatContact", "contactCount"], ["knownOutage", "topic"], ["topic", "tier"],
]
OTHERWISE = o("otherwise", "answer", None, None, None, "low")
INVALID = o("invalid-input", "stop", "senior", "Senior support", 1800, "high")
INF = float("inf")


def is_num(v, low, high):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and low <= v <= high


def is_count(v):
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0 or isinstance(v, float) and v >= 0 and v.is_integer()


def is_bool(v):
    return v is True or v is False


def decide(signals, context=None):
    ctx = _read_context(context)
    g = signals.get
    sentiment = g("sentiment")
    repeat_contact = g("repeatContact")
    contact_count = g("contactCount")
    tier = g("tier")
    topic = g("topic")
    language = g("language")
    waiting = g("waiting")
    prior_handoff_failed = g("priorHandoffFailed", False)
    missed_promise = g("missedPromise", False)
    asks_for_human = g("asksForHuman", False)
    business_hours = g("businessHours", True)
    unresolved_days = g("unresolvedDays", 0)
    language_changed = g("languageChanged", False)
    lifetime_value = g("lifetimeValue", 0)
    compliance = g("compliance", "none")
    account_compromised = g("accountCompromised", False)
    vulnerable = g("vulnerable", False)
    chargeback_filed = g("chargebackFiled", False)
    refund_asked = g("refundAsked", 0)
    discount_asked = g("discountAsked", False)
    cancellation_intent = g("cancellationIntent", False)
    known_outage = g("knownOutage", False)
    confidence = g("confidence", 1)
    preferred_channel = g("preferredChannel", "chat")
    ok = (
        is_num(sentiment, -1, 1) and is_bool(repeat_contact) and is_count(contact_count)
        and tier in ("free", "pro", "enterprise")
        and topic in ("billing", "pricing", "technical", "medical", "other")
        and isinstance(language, str) and is_num(waiting, 0, 1.7976931348623157e308)
        and is_bool(prior_handoff_failed) and is_bool(missed_promise) and is_bool(asks_for_human)
        and is_bool(business_hours) and is_count(unresolved_days) and is_bool(language_changed)
        and is_num(lifetime_value, 0, 1.7976931348623157e308)
        and compliance in ("none", "legal", "financial", "privacy")
        and is_bool(account_compromised) and is_bool(vulnerable) and is_bool(chargeback_filed)
        and is_num(refund_asked, 0, 1.7976931348623157e308) and is_bool(discount_asked) and is_bool(cancellation_intent)
        and is_bool(known_outage) and is_num(confidence, 0, 1)
        and preferred_channel in ("chat", "email", "phone")
    )
    if not ok:
        return _assemble(INFO, INVALID, [], ["The assistant sent signals that failed validation"], "Something went wrong on our side. A colleague will pick up this conversation within 30 minutes.", {}, ctx, [{"signal": None, "problem": "invalid"}])
    s = {
        "sentiment": sentiment, "repeatContact": repeat_contact, "contactCount": contact_count, "tier": tier, "topic": topic,
        "language": language, "waiting": waiting, "priorHandoffFailed": prior_handoff_failed, "missedPromise": missed_promise,
        "asksForHuman": asks_for_human, "businessHours": business_hours, "unresolvedDays": unresolved_days,
        "languageChanged": language_changed, "lifetimeValue": lifetime_value, "compliance": compliance,
        "accountCompromised": account_compromised, "vulnerable": vulnerable, "chargebackFiled": chargeback_filed,
        "refundAsked": refund_asked, "discountAsked": discount_asked, "cancellationIntent": cancellation_intent,
        "knownOutage": known_outage, "confidence": confidence, "preferredChannel": preferred_channel,
    }

    m = []
    if sentiment < -0.5 and repeat_contact: m.append(0)
    if topic == "medical": m.append(1)
    if topic in ("billing", "pricing") and tier != "free": m.append(2)
    if prior_handoff_failed: m.append(3)
    if account_compromised: m.append(4)
    if compliance == "legal": m.append(5)
    if vulnerable: m.append(6)
    if missed_promise: m.append(7)
    if compliance == "financial": m.append(8)
    if lifetime_value >= 50000 and sentiment < -0.2: m.append(9)
    if unresolved_days >= 7 and repeat_contact: m.append(10)
    if waiting >= 1800 and tier == "enterprise": m.append(11)
    if topic == "billing" and chargeback_filed: m.append(12)
    if topic == "billing" and refund_asked > 500: m.append(13)
    if topic == "pricing" and discount_asked: m.append(14)
    if compliance == "privacy": m.append(15)
    if language_changed and language not in ("en", "de", "fr", "es"): m.append(16)
    if asks_for_human and business_hours: m.append(17)
    if asks_for_human and not business_hours: m.append(18)
    if preferred_channel == "phone" and tier == "enterprise" and sentiment < 0: m.append(19)
    if cancellation_intent and tier != "free": m.append(20)
    if confidence < 0.5 and topic in ("technical", "other"): m.append(21)
    if repeat_contact and contact_count >= 3: m.append(22)
    if known_outage and topic == "technical": m.append(23)
    if topic in ("billing", "pricing") and tier == "free": m.append(24)

    matched = [RULES[i][0][0] for i in m]
    if not m:
        return _assemble(INFO, OTHERWISE, matched, [], None, {}, ctx, None)
    w = m[0]
    for i in m:
        if RULES[i][1] > RULES[w][1]:
            w = i
    reasons = []
    first = reason_of(w, s)
    if first is not None:
        reasons.append(first)
    for i in m:
        if i != w:
            r = reason_of(i, s)
            if r is not None:
                reasons.append(r)
    evidence = {k: s[k] for k in READS[w]}
    return _assemble(INFO, RULES[w][0], matched, reasons, SAYS[w], evidence, ctx, None)


def reason_of(i, s):
    f = _format_value
    if i == 0: return "Upset customer, contact number " + f(s["contactCount"])
    if i == 9: return "Unhappy customer with a lifetime value of " + f(s["lifetimeValue"]) + " EUR"
    if i == 10: return "Issue unresolved for " + f(s["unresolvedDays"]) + " days"
    if i == 11: return "Enterprise customer has been waiting " + _format_duration(s["waiting"])
    if i == 13: return "Refund of " + f(s["refundAsked"]) + " EUR is above the assistant's limit of 500 EUR"
    if i == 16: return "Customer switched to " + f(s["language"]) + ", which the assistant does not support"
    if i == 20: return "Paying customer (" + f(s["tier"]) + ") intends to cancel"
    if i == 21: return "Assistant confidence " + f(s["confidence"]) + " is too low to answer"
    if i == 22: return "Contact number " + f(s["contactCount"]) + " about the same issue"
    return RULES[i][2]
