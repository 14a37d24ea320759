package nl.bdss.settlement.application;

import java.util.List;
import java.util.Objects;

/**
 * A use case refusing what it was asked, for what it finds recorded: the addressed thing does not exist, the request
 * contradicts recorded history, or it breaks a rule on the recorded data. Nothing is stored when a use case refuses.
 * The web adapter answers it as a problem of its {@link #type()}; a rule violation names the field and the rule.
 */
public final class Refusal extends RuntimeException {

    /** Why a request is refused. */
    public enum Kind {
        /** The addressed thing does not exist, or is not the caller's to see. */
        NOT_FOUND,
        /** The request contradicts what is recorded, which is never changed. */
        CONFLICT,
        /** The request is well formed but breaks a rule on what is recorded. */
        RULE_VIOLATED
    }

    /** One rule a request's field breaks. */
    public record Violation(String field, String rule, String message) {

        public Violation {
            Objects.requireNonNull(field);
            Objects.requireNonNull(rule);
            Objects.requireNonNull(message);
        }
    }

    private final Kind kind;
    private final String type;
    private final String title;
    private final List<Violation> violations;

    private Refusal(Kind kind, String type, String title, List<Violation> violations, String detail) {
        super(detail);
        this.kind = kind;
        this.type = Objects.requireNonNull(type);
        this.title = Objects.requireNonNull(title);
        this.violations = List.copyOf(violations);
    }

    public static Refusal notFound(String type, String title, String detail) {
        return new Refusal(Kind.NOT_FOUND, type, title, List.of(), detail);
    }

    public static Refusal conflict(String type, String title, String detail) {
        return new Refusal(Kind.CONFLICT, type, title, List.of(), detail);
    }

    /** The request's {@code field} breaks {@code rule} (a rule number such as R8) on what is recorded. */
    public static Refusal ruleViolated(String field, String rule, String detail) {
        return rulesViolated(List.of(new Violation(field, rule, detail)));
    }

    /** The request breaks each of the {@code violations} (at least one) on what is recorded. */
    public static Refusal rulesViolated(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation names at least one rule");
        }
        return new Refusal(Kind.RULE_VIOLATED, "rules-violated", "The request breaks the rules", violations,
                String.join("; ", violations.stream().map(Violation::message).toList()));
    }

    public Kind kind() {
        return kind;
    }

    /** The problem's name, such as {@code payment-instruction-not-found}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The request field the (first) rule violation is about; null for the other kinds. */
    public String field() {
        return violations.isEmpty() ? null : violations.get(0).field();
    }

    /** The rule the (first) violation breaks; null for the other kinds. */
    public String rule() {
        return violations.isEmpty() ? null : violations.get(0).rule();
    }

    /** Every rule violation, in order; empty for the other kinds. */
    public List<Violation> violations() {
        return violations;
    }
}
