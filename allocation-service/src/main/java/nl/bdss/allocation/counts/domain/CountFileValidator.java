package nl.bdss.allocation.counts.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.identity.Uzovi;

/**
 * Checks a delivery of insured counts line by line while it streams past, so that a national file never has
 * to be held in memory (R11). It keeps only the first {@code maxReportedErrors} errors, but counts them all.
 * Duplicate (uzovi, postcode) rows are found by the store, which reports them through {@link #duplicate}.
 */
public final class CountFileValidator {

    public static final String HEADER = "uzovi,postcode,referenceDate,insuredCount";
    private static final String R11 = "R11";
    private static final Pattern NEGATIVE_WHOLE_NUMBER = Pattern.compile("^-[0-9]+$");

    private final int maxReportedErrors;
    private final List<LineError> errors = new ArrayList<>();
    private long errorCount;
    private long rows;
    private LocalDate referenceDate;
    private String referenceDateAt;
    private String lastRawDate;
    private LocalDate lastDate;
    private PostcodeLevel level;
    private String levelAt;

    public CountFileValidator(int maxReportedErrors) {
        this.maxReportedErrors = maxReportedErrors;
    }

    /** The first line must be exactly the agreed header (a byte-order mark and surrounding blanks are tolerated). */
    public boolean header(String line) {
        String header = line == null ? "" : line.replace("\uFEFF", "").replace(" ", "").trim();
        if (!HEADER.equals(header)) {
            report(1L, "header", LineError.REQUEST, "expected header '" + HEADER + "', got '" + (line == null ? "" : line.trim()) + "'");
            return false;
        }
        return true;
    }

    /** A data line; blank lines are skipped. Returns the row when the line is valid. */
    public Optional<InsuredCountRow> line(long lineNumber, String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        // the three commas found by hand (String.split was the costliest step of a national file)
        int first = line.indexOf(',');
        int second = first < 0 ? -1 : line.indexOf(',', first + 1);
        int third = second < 0 ? -1 : line.indexOf(',', second + 1);
        if (third < 0 || line.indexOf(',', third + 1) >= 0) {
            report(lineNumber, "line", LineError.REQUEST, "expected 4 fields (" + HEADER + "), got " + fieldCount(line));
            return Optional.empty();
        }
        return row(lineNumber, null, unquote(line.substring(0, first)), unquote(line.substring(first + 1, second)),
                unquote(line.substring(second + 1, third)), unquote(line.substring(third + 1)));
    }

    /**
     * One element {@code counts[index]} of a JSON delivery, its fields as text ({@code null} when absent). The
     * row's position (staged for the duplicate check) is its index.
     */
    public Optional<InsuredCountRow> element(String arrayName, long index, String uzovi, String postcode,
            String referenceDate, String insuredCount) {
        String element = arrayName + "[" + index + "]";
        boolean complete = present(index, element, "uzovi", uzovi) & present(index, element, "postcode", postcode)
                & present(index, element, "referenceDate", referenceDate)
                & present(index, element, "insuredCount", insuredCount);
        if (!complete) {
            return Optional.empty();
        }
        return row(index, element, uzovi.trim(), postcode.trim(), referenceDate.trim(), insuredCount.trim());
    }

    /** A problem with the form of a JSON delivery as a whole (its structure), named by a JSON path. */
    public void structure(String path, String message) {
        report(null, path, LineError.REQUEST, message);
    }

    /** A JSON delivery as a whole breaks a rule (e.g. R11: one source and one reference date per delivery). */
    public void structure(String path, String rule, String message) {
        report(null, path, rule, message);
    }

    private Optional<InsuredCountRow> row(long position, String element, String uzovi, String rawPostcode,
            String rawDate, String rawCount) {
        long errorsBefore = errorCount;
        if (!Uzovi.isValid(uzovi)) {
            error(position, element, "uzovi", R11, "UZOVI must be exactly 4 digits, got '" + uzovi + "' (R11)");
        }
        Postcode postcode = Postcode.parseOrNull(rawPostcode);
        if (postcode == null) {
            error(position, element, "postcode", "R6", "postcode must be PC4 (1234, not starting with 0) or PC6 (1234AB, "
                    + "never the letters SA, SD or SS), got '" + rawPostcode + "' (R6)");
        }
        LocalDate date = date(position, element, rawDate);
        long count = count(position, element, rawCount);
        if (errorCount > errorsBefore) {
            return Optional.empty();
        }
        if (!sameLevel(position, element, postcode) || !sameReferenceDate(position, element, date)) {
            return Optional.empty();
        }
        rows++;
        return Optional.of(new InsuredCountRow(position, new Uzovi(uzovi), postcode, date, count));
    }

    public void duplicate(long lineNumber, long firstLine, String uzovi, String postcode) {
        report(lineNumber, "uzovi,postcode", R11, "duplicate row for UZOVI " + uzovi + " and postcode " + postcode
                + ", first on line " + firstLine);
    }

    /** A JSON element repeating the (uzovi, postcode) of an earlier one. */
    public void duplicateElement(String arrayName, long index, long firstIndex, String uzovi, String postcode) {
        report(null, arrayName + "[" + index + "]", R11, "duplicate row for UZOVI " + uzovi + " and postcode "
                + postcode + ", first at " + arrayName + "[" + firstIndex + "]");
    }

    /** Call after the last line. */
    public void finish() {
        if (errorCount == 0 && rows == 0) {
            report(1L, "file", R11, "the delivery holds no rows (R11)");
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

    private LocalDate date(long position, String element, String raw) {
        if (raw.equals(lastRawDate)) {
            return lastDate;
        }
        try {
            LocalDate date = LocalDate.parse(raw);
            lastRawDate = raw;
            lastDate = date;
            return date;
        } catch (DateTimeParseException e) {
            error(position, element, "referenceDate", LineError.REQUEST, "reference date must be an ISO date (2025-03-01), got '" + raw + "'");
            return null;
        }
    }

    private long count(long position, String element, String raw) {
        if (wholeNumber(raw)) {
            return Long.parseLong(raw);
        }
        if (NEGATIVE_WHOLE_NUMBER.matcher(raw).matches()) {
            error(position, element, "insuredCount", R11, "insured count must not be negative, got " + raw + " (R11)");
        } else {
            error(position, element, "insuredCount", R11, "insured count must be a whole number, got '" + raw + "' (R11)");
        }
        return -1;
    }

    private boolean sameReferenceDate(long position, String element, LocalDate date) {
        if (referenceDate == null) {
            referenceDate = date;
            referenceDateAt = where(position, element);
            return true;
        }
        if (!referenceDate.equals(date)) {
            error(position, element, "referenceDate", R11, "mixed reference dates: " + date + " differs from " + referenceDate
                    + " " + referenceDateAt + "; a delivery holds one reference date (R11)");
            return false;
        }
        return true;
    }

    private boolean sameLevel(long position, String element, Postcode postcode) {
        if (level == null) {
            level = postcode.level();
            levelAt = where(position, element);
            return true;
        }
        if (level != postcode.level()) {
            error(position, element, "postcode", R11, "mixed postcode levels: " + postcode.level() + " differs from " + level
                    + " " + levelAt + "; a delivery holds one postcode level (R11)");
            return false;
        }
        return true;
    }

    private boolean present(long index, String element, String field, String value) {
        if (value == null) {
            error(index, element, field, LineError.REQUEST, field + " is required");
            return false;
        }
        return true;
    }

    /** A CSV error names its line; a JSON error names its element and field, e.g. {@code counts[3].postcode}. */
    private void error(long position, String element, String field, String rule, String message) {
        if (element == null) {
            report(position, field, rule, message);
        } else {
            report(null, element + "." + field, rule, message);
        }
    }

    private void report(Long lineNumber, String field, String rule, String message) {
        errorCount++;
        if (errors.size() < maxReportedErrors) {
            errors.add(new LineError(lineNumber, field, rule, message));
        }
    }

    private static String where(long position, String element) {
        return element == null ? "on line " + position : "at " + element;
    }

    /** {@code [0-9]{1,18}}, checked by hand: it runs for every row of a national file. */
    private static boolean wholeNumber(String raw) {
        int length = raw.length();
        if (length < 1 || length > 18) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int fieldCount(String line) {
        int fields = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                fields++;
            }
        }
        return fields;
    }

    private static String unquote(String field) {
        String trimmed = field.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).trim();
        }
        return trimmed;
    }
}
