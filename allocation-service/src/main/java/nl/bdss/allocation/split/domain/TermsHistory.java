package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.bdss.kernel.time.Period;

/**
 * The history of a contract's terms over its validity, built from its versions in version order (R8, R14).
 * Each version's terms apply from its effective date until the day before the next version's: REGISTERED from
 * validFrom; AMENDED from its effective date, replacing every later-starting part of the history (a retroactive
 * amendment overrides what an earlier amendment said for the same days); TERMINATED and OVERLAP_FLAGGED change no
 * term, so they start no segment. The validity is the latest version's (a termination has already shortened it):
 * segments are clipped to it, and the first segment is stretched back to validFrom if an amendment moved validFrom
 * earlier than any version's effective date.
 */
public final class TermsHistory {

    private TermsHistory() {
    }

    public static List<TermsSegment> segments(List<ContractVersion> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a contract history needs at least one version");
        }
        List<ContractVersion> ordered = new ArrayList<>(versions);
        ordered.sort(Comparator.comparingInt(v -> v.terms().version()));
        List<Start> starts = new ArrayList<>();
        for (ContractVersion version : ordered) {
            switch (version.change()) {
                case REGISTERED -> {
                    starts.clear();
                    starts.add(new Start(version.terms().validFrom(), version.terms()));
                }
                case AMENDED -> {
                    LocalDate from = version.effectiveFrom();
                    starts.removeIf(start -> !start.from().isBefore(from));
                    starts.add(new Start(from, version.terms()));
                }
                case TERMINATED, OVERLAP_FLAGGED -> {
                    if (starts.isEmpty()) {
                        // the first version this service saw: its terms are all it knows
                        starts.add(new Start(version.terms().validFrom(), version.terms()));
                    }
                }
            }
        }
        ContractTerms latest = ordered.get(ordered.size() - 1).terms();
        LocalDate validFrom = latest.validFrom();
        LocalDate validUntil = latest.validUntil();
        List<TermsSegment> segments = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = i == 0 || starts.get(i).from().isBefore(validFrom) ? validFrom : starts.get(i).from();
            LocalDate until = i + 1 < starts.size() ? starts.get(i + 1).from().minusDays(1) : validUntil;
            if (until.isAfter(validUntil)) {
                until = validUntil;
            }
            if (!until.isBefore(from)) {
                segments.add(new TermsSegment(Period.of(from, until), starts.get(i).terms()));
            }
        }
        return segments;
    }

    private record Start(LocalDate from, ContractTerms terms) {
    }
}
