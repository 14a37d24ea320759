package nl.bdss.reporting.mbi.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads macro budgets from CSV with the header {@code sector,year,amountCents,source,date}. The whole file is
 * refused on the first bad line, so nothing of a bad upload is stored.
 */
public final class MacroBudgetCsv {

    static final String HEADER = "sector,year,amountCents,source,date";

    private MacroBudgetCsv() {
    }

    public static List<MacroBudget> parse(String csv) {
        List<String> lines = csv == null ? List.of() : csv.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty() || !lines.get(0).replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw new IllegalArgumentException("header: the first line must be " + HEADER);
        }
        List<MacroBudget> budgets = new ArrayList<>();
        Set<SectorYear> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != 5) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected 5 fields (" + HEADER + "), found " + cells.length);
            }
            try {
                MacroBudget budget = new MacroBudget(
                        new SectorYear(cells[0].strip(), parseInt(cells[1].strip(), "year")),
                        parseLong(cells[2].strip(), "amountCents"), cells[3].strip(), parseDate(cells[4].strip()));
                if (!seen.add(budget.sectorYear())) {
                    throw new IllegalArgumentException("sector,year: " + budget.sectorYear().key() + " appears twice");
                }
                budgets.add(budget);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("body: no macro budgets after the header");
        }
        return budgets;
    }

    private static int parseInt(String value, String field) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a whole number: " + value);
        }
    }

    private static long parseLong(String value, String field) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a whole number of euro cents: " + value);
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date: not an ISO date (yyyy-mm-dd): " + value);
        }
    }
}
