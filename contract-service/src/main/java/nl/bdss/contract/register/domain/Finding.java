package nl.bdss.contract.register.domain;

/**
 * One outcome of checking a contract: a violation that refuses it, or a warning that accepts it.
 *
 * @param field   JSON path of the field concerned, e.g. {@code budget.domainSharesBasisPoints}
 * @param rule    the rule number from the domain description, e.g. {@code R7}
 * @param message what is wrong, in words an insurer's back office can act on
 */
public record Finding(String field, String rule, String message) {
}
