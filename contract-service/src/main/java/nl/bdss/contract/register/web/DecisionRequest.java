package nl.bdss.contract.register.web;

import nl.bdss.contract.register.domain.DecisionType;

/**
 * A party's answer to the contract's proposal: {@code {"decision":"ACCEPT"}} or
 * {@code {"decision":"DECLINE","reason":"..."}} (a decline says why; an acceptance may).
 */
record DecisionRequest(DecisionType decision, String reason) {
}
