package nl.bdss.contract.register.application;

import java.util.List;
import nl.bdss.contract.register.domain.Finding;

/** The document breaks rules of the NZa conditions; nothing was stored. */
public class ContractRulesViolatedException extends RuntimeException {

    private final transient List<Finding> violations;

    public ContractRulesViolatedException(List<Finding> violations) {
        super(violations.size() + " rule violation(s)");
        this.violations = List.copyOf(violations);
    }

    public List<Finding> violations() {
        return violations;
    }
}
