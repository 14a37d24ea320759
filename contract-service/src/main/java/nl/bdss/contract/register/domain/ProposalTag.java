package nl.bdss.contract.register.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity tag of a proposal: which proposal of the contract ({@code number}, 1 for the first) and how often it
 * changed since it was made ({@code revision}, 1 when made, +1 for every decision and for its closing). Written
 * {@code p<number>-<revision>}, e.g. {@code "p1-1"} in an ETag header, so it is never mistaken for a version ETag.
 */
public record ProposalTag(int number, int revision) {

    private static final Pattern TEXT = Pattern.compile("^(?:W/)?\"?p(\\d{1,9})-(\\d{1,9})\"?$");

    /** The tag an If-Match header names; empty when it is not a proposal's tag. */
    public static Optional<ProposalTag> parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
        return matcher.matches()
                ? Optional.of(new ProposalTag(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "p" + number + "-" + revision;
    }
}
