package nl.bdss.allocation.counts.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a delivery of insured counts line by line while it streams past, so that a national file never has
 * to be held in memory (R11). It keeps only the first {@code maxReportedErrors} errors, but counts them all.
 * Duplicate (uzovi, postcode) rows are found by the store, which reports them through {@link #duplicate}.
 */
public final class CountFileValidator {

    public static final String HEADER = "uzovi,postcode,referenceDate,insuredCount";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("^[0-9]{1,18}$");
    private static final Pattern NEGATIVE_WHOLE_NUMBER = Pattern.compile("^-[0-9]+$");

    private final int maxReportedErrors;
    private final List<LineError> errors = new ArrayList<>();
    private long errorCount;
    private long rows;
    private LocalDate referenceDate;
    private long referenceDateLine;
    private PostcodeLevel level;
    private long levelLine;

    public CountFileValidator(int maxReportedErrors) {
        this.maxReportedErrors = maxReportedErrors;
    }

    /** The first line must be exactly the agreed header (a byte-order mark and surrounding blanks are tolerated). */
    public boolean header(String line) {
        String header = line == null ? "" : line.replace("\uFEFF", "").replace(" ", "").trim();
        if (!HEADER.equals(header)) {
            error(1, "header", "expected header '" + HEADER + "', got '" + (line == null ? "" : line.trim()) + "'");
            return false;
        }
        return true;
    }

    /** A data line; blank lines are skipped. Returns the row when the line is valid. */
    public Optional<InsuredCountRow> line(long lineNumber, String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            error(lineNumber, "line", "expected 4 fields (" + HEADER + "), got " + fields.length);
            return Optional.empty();
        }
        long errorsBefore = errorCount;
        String uzovi = unquote(fields[0]);
        if (!Uzovi.isValid(uzovi)) {
            error(lineNumber, "uzovi", "UZOVI must be exactly 4 digits, got '" + uzovi + "' (R11)");
        }
        Postcode postcode = Postcode.parseOrNull(unquote(fields[1]));
        if (postcode == null) {
            error(lineNumber, "postcode", "postcode must be PC4 (1234, not starting with 0) or PC6 (1234AB), got '"
                    + unquote(fields[1]) + "' (R6)");
        }
        LocalDate date = date(lineNumber, unquote(fields[2]));
        long count = count(lineNumber, unquote(fields[3]));
        if (errorCount > errorsBefore) {
            return Optional.empty();
        }
        if (!sameLevel(lineNumber, postcode) || !sameReferenceDate(lineNumber, date)) {
            return Optional.empty();
        }
        rows++;
        return Optional.of(new InsuredCountRow(lineNumber, new Uzovi(uzovi), postcode, date, count));
    }

    public void duplicate(long lineNumber, long firstLine, String uzovi, String postcode) {
        error(lineNumber, "uzovi,postcode", "duplicate row for UZOVI " + uzovi + " and postcode " + postcode
                + ", first on line " + firstLine);
    }

    /** Call after the last line. */
    public void finish() {
        if (errorCount == 0 && rows == 0) {
            error(1, "file", "the delivery holds no rows");
        }
    }

    public boolean valid() {
        return errorCount == 0;
    }

    public List<LineError> errors() {
        return List.copyOf(errors);
    }

    public long errorCount() {
        return errorCount;
    }

    public long rows() {
        return rows;
    }

    public LocalDate referenceDate() {
        return referenceDate;
    }

    public PostcodeLevel level() {
        return level;
    }

    private LocalDate date(long lineNumber, String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            error(lineNumber, "referenceDate", "reference date must be an ISO date (2025-03-01), got '" + raw + "'");
            return null;
        }
    }

    private long count(long lineNumber, String raw) {
        if (WHOLE_NUMBER.matcher(raw).matches()) {
            return Long.parseLong(raw);
        }
        if (NEGATIVE_WHOLE_NUMBER.matcher(raw).matches()) {
            error(lineNumber, "insuredCount", "insured count must not be negative, got " + raw);
        } else {
            error(lineNumber, "insuredCount", "insured count must be a whole number, got '" + raw + "'");
        }
        return -1;
    }

    private boolean sameReferenceDate(long lineNumber, LocalDate date) {
        if (referenceDate == null) {
            referenceDate = date;
            referenceDateLine = lineNumber;
            return true;
        }
        if (!referenceDate.equals(date)) {
            error(lineNumber, "referenceDate", "mixed reference dates: " + date + " differs from " + referenceDate
                    + " on line " + referenceDateLine + "; a delivery holds one reference date (R11)");
            return false;
        }
        return true;
    }

    private boolean sameLevel(long lineNumber, Postcode postcode) {
        if (level == null) {
            level = postcode.level();
            levelLine = lineNumber;
            return true;
        }
        if (level != postcode.level()) {
            error(lineNumber, "postcode", "mixed postcode levels: " + postcode.level() + " differs from " + level
                    + " on line " + levelLine + "; a delivery holds one postcode level");
            return false;
        }
        return true;
    }

    private void error(long lineNumber, String field, String message) {
        errorCount++;
        if (errors.size() < maxReportedErrors) {
            errors.add(new LineError(lineNumber, field, message));
        }
    }

    private static String unquote(String field) {
        String trimmed = field.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).trim();
        }
        return trimmed;
    }
}
