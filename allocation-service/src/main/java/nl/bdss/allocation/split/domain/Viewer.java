package nl.bdss.allocation.split.domain;

/**
 * Who looks at an allocation (issue 14, "What an insurer may learn"): an operator sees everything; an insurer is
 * known by its UZOVI code, a provider by its AGB code, both from the caller's token only. A provider whose token
 * names no AGB code is a provider all the same: it owns no line and sees nothing.
 */
public record Viewer(Kind kind, String code) {

    public enum Kind {
        OPERATOR, INSURER, PROVIDER
    }

    public Viewer {
        if (kind == null) {
            throw new IllegalArgumentException("a viewer has a kind");
        }
        if (kind == Kind.OPERATOR && code != null) {
            throw new IllegalArgumentException("an operator has no UZOVI or AGB code");
        }
        if (kind == Kind.INSURER && (code == null || code.isBlank())) {
            throw new IllegalArgumentException("an insurer viewer needs its UZOVI code");
        }
    }

    public static Viewer operator() {
        return new Viewer(Kind.OPERATOR, null);
    }

    public static Viewer insurer(String uzovi) {
        return new Viewer(Kind.INSURER, uzovi);
    }

    /** A provider by the AGB code of its token; null when the token names none. */
    public static Viewer provider(String agb) {
        return new Viewer(Kind.PROVIDER, agb);
    }

    public boolean seesEverything() {
        return kind == Kind.OPERATOR;
    }

    public boolean isInsurer(String uzovi) {
        return kind == Kind.INSURER && code.equals(uzovi);
    }

    /**
     * Whether the line is the viewer's own: an insurer's lines are those it pays, a provider's those paid to its AGB
     * code. A main contractor (R10) is paid every Zvw line of the periods it is main contractor in, so it owns those:
     * the lines of the parties it pays on. Lines of other domains (R7: recorded, paid by no insurer) are nobody's.
     */
    public boolean owns(AllocationLine line) {
        return owns(line.uzovi(), line.payeeAgb());
    }

    /** Whether a correction of a line is the viewer's own, as for {@link #owns(AllocationLine)}. */
    public boolean owns(Correction correction) {
        return owns(correction.uzovi(), correction.payeeAgb());
    }

    /** An operator oversees every line; an insurer owns what it pays, a provider what it is paid. */
    private boolean owns(String payingUzovi, String payeeAgb) {
        return switch (kind) {
            case OPERATOR -> true;
            case INSURER -> code.equals(payingUzovi);
            case PROVIDER -> code != null && code.equals(payeeAgb);
        };
    }
}
