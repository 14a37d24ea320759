package nl.bdss.allocation.counts.application;

import java.util.Optional;
import java.util.function.Consumer;
import nl.bdss.allocation.counts.domain.CountFileValidator;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.counts.domain.InsuredCountRow;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a JSON delivery token by token (Jackson's streaming parser), so that no more than one row is ever held:
 * either {@code {"source":..., "referenceDate":..., "counts":[{"uzovi","postcode","insuredCount"}, ...]}}, where
 * a row may repeat or omit the reference date, or a bare array of rows that each carry {@code referenceDate}.
 * The top-level {@code referenceDate} applies to rows that come after it; a row without a date before it is
 * refused. Errors name the element, e.g. {@code counts[3].postcode} ({@code [3].postcode} for a bare array).
 */
final class JsonCountReader {

    static final String COUNTS = "counts";

    private final JsonParser parser;
    private final CountFileValidator validator;
    /** Receives every valid row while the delivery has no errors. */
    private final Consumer<InsuredCountRow> sink;
    private final ProgressLog progress;
    private String source;
    private String envelopeDate;
    private String arrayName = COUNTS;

    JsonCountReader(JsonParser parser, CountFileValidator validator, Consumer<InsuredCountRow> sink,
            ProgressLog progress) {
        this.parser = parser;
        this.validator = validator;
        this.sink = sink;
        this.progress = progress;
    }

    /** Reads the whole delivery; returns the source named in it, if any. Malformed JSON is a delivery error. */
    Optional<CountSource> read() {
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                arrayName = "";
                readRows();
            } else if (first == JsonToken.START_OBJECT) {
                readEnvelope();
            } else {
                validator.structure("$", "expected an object {source, referenceDate, counts} or an array of rows");
            }
        } catch (JacksonException e) {
            validator.structure("$", "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        return sourceNamed();
    }

    String arrayName() {
        return arrayName;
    }

    private void readEnvelope() {
        boolean sawCounts = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "source" -> source = scalar(value, "source");
                case "referenceDate" -> envelopeDate = scalar(value, "referenceDate");
                case COUNTS -> {
                    sawCounts = true;
                    if (value == JsonToken.START_ARRAY) {
                        readRows();
                    } else {
                        validator.structure(COUNTS, "counts must be an array of rows");
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (!sawCounts) {
            validator.structure(COUNTS, "counts is required");
        }
        if (envelopeDate != null && validator.referenceDate() != null
                && !envelopeDate.trim().equals(validator.referenceDate().toString())) {
            validator.structure("referenceDate", "R11", "referenceDate " + envelopeDate + " differs from the rows' "
                    + validator.referenceDate() + "; a delivery holds one reference date (R11)");
        }
    }

    private void readRows() {
        long index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token == JsonToken.START_OBJECT) {
                readRow(index);
            } else {
                validator.structure(element(index), "each row must be an object {uzovi, postcode, insuredCount}");
                parser.skipChildren();
            }
            index++;
            progress.rows(index, validator.errorCount());
        }
    }

    private void readRow(long index) {
        String uzovi = null;
        String postcode = null;
        String date = null;
        String count = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "uzovi" -> uzovi = scalar(value, element(index) + ".uzovi");
                case "postcode" -> postcode = scalar(value, element(index) + ".postcode");
                case "referenceDate" -> date = scalar(value, element(index) + ".referenceDate");
                case "insuredCount" -> count = scalar(value, element(index) + ".insuredCount");
                default -> parser.skipChildren();
            }
        }
        Optional<InsuredCountRow> row = validator.element(arrayName, index, uzovi, postcode,
                date != null ? date : envelopeDate, count);
        if (row.isPresent() && validator.valid()) {
            sink.accept(row.get());
        }
    }

    /** The text of a string or number value; an object, array or null is refused (and read past). */
    private String scalar(JsonToken value, String path) {
        if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT
                || value == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getString();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        validator.structure(path, "expected a string or a number");
        parser.skipChildren();
        return "";
    }

    private String element(long index) {
        return arrayName + "[" + index + "]";
    }

    private Optional<CountSource> sourceNamed() {
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CountSource.valueOf(source.trim()));
        } catch (IllegalArgumentException e) {
            validator.structure("source", "R11", "source must be one of "
                    + java.util.Arrays.toString(CountSource.values()) + ", got '" + source + "' (R11)");
            return Optional.empty();
        }
    }
}
