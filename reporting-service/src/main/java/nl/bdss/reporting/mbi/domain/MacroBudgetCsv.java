package nl.bdss.reporting.mbi.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads macro budgets from CSV with the header {@code sector,year,amountCents,source,date}. Every bad value is named
 * with its line; a file with any of them gives no budgets at all, so nothing of a bad upload is stored.
 */
public final class MacroBudgetCsv {

    static final String HEADER = "sector,year,amountCents,source,date";

    /** The budgets of a file, or what is wrong with it (then no budgets). */
    public record Read(List<MacroBudget> budgets, List<Violation> violations) {

        public Read {
            violations = List.copyOf(violations);
            budgets = violations.isEmpty() ? List.copyOf(budgets) : List.of();
        }
    }

    private MacroBudgetCsv() {
    }

    public static Read read(String csv) {
        List<String> lines = csv == null ? List.of() : csv.lines().map(String::strip).toList();
        List<Violation> violations = new ArrayList<>();
        List<MacroBudget> budgets = new ArrayList<>();
        Map<SectorYear, Integer> firstLine = new HashMap<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (!headerSeen) {
                if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    return new Read(List.of(), List.of(new Violation("header", Violation.FORM, "must be " + HEADER)
                            .onLine(lineNumber)));
                }
                headerSeen = true;
                continue;
            }
            List<Violation> ofLine = new ArrayList<>();
            MacroBudget budget = budget(line.split(",", -1), ofLine);
            if (budget != null) {
                Integer first = firstLine.putIfAbsent(budget.sectorYear(), lineNumber);
                if (first == null) {
                    budgets.add(budget);
                } else {
                    ofLine.add(new Violation("sector,year", "R18", budget.sectorYear().key() + " appears twice, first on line "
                            + first + ": one figure per sector and year"));
                }
            }
            ofLine.forEach(violation -> violations.add(violation.onLine(lineNumber)));
        }
        if (!headerSeen) {
            violations.add(new Violation("header", Violation.FORM, "the first line must be " + HEADER));
        } else if (budgets.isEmpty() && violations.isEmpty()) {
            violations.add(new Violation("body", Violation.FORM, "no macro budgets after the header"));
        }
        return new Read(budgets, violations);
    }

    /** The budget of one line, or null when something is wrong with it, added to {@code violations}. */
    private static MacroBudget budget(String[] cells, List<Violation> violations) {
        if (cells.length != 5) {
            violations.add(new Violation("", Violation.FORM, "expected 5 fields (" + HEADER + "), found " + cells.length));
            return null;
        }
        String sector = cells[0].strip();
        SectorYear.checkSector(sector).ifPresent(violations::add);
        Integer year = parse(cells[1].strip(), "year", "a whole number", Integer::valueOf, violations);
        if (year != null) {
            SectorYear.checkYear(year).ifPresent(violations::add);
        }
        Long amountCents = parse(cells[2].strip(), "amountCents", "a whole number of euro cents", Long::valueOf, violations);
        if (amountCents != null) {
            MacroBudget.checkAmount(amountCents).ifPresent(violations::add);
        }
        String source = cells[3].strip();
        MacroBudget.checkSource(source).ifPresent(violations::add);
        LocalDate date = cells[4].isBlank() ? null
                : parse(cells[4].strip(), "date", "an ISO date (yyyy-mm-dd)", LocalDate::parse, violations);
        if (cells[4].isBlank()) {
            MacroBudget.checkDate(null).ifPresent(violations::add);
        }
        return violations.isEmpty() ? new MacroBudget(new SectorYear(sector, year), amountCents, source, date) : null;
    }

    private static <T> T parse(String value, String field, String form, Function<String, T> parser,
            List<Violation> violations) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            violations.add(new Violation(field, Violation.FORM, "not " + form + ": " + value));
            return null;
        }
    }
}
