package nl.bdss.contract.register.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.bdss.contract.register.application.ContractSearch;
import nl.bdss.contract.register.domain.ContractStatus;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;

/**
 * The query parameters of a contract search, checked all at once: a malformed filter would otherwise silently match
 * nothing, which a back office cannot tell from "no such contract".
 */
record SearchParameters(ContractSearch search, int page, int size) {

    static SearchParameters parse(String insurer, String provider, String postcode, String status, String activeOn,
            String page, String size, int maxSize) {
        List<FieldError> errors = new ArrayList<>();
        if (insurer != null && !Uzovi.isValid(insurer)) {
            errors.add(error("insurer", "insurer must be a UZOVI code of 4 digits, was '" + insurer + "'"));
        }
        if (provider != null && !AgbCode.isValid(provider)) {
            errors.add(error("provider", "provider must be an AGB code of 8 digits, was '" + provider + "'"));
        }
        Postcode area = postcode == null ? null : Postcode.parseOrNull(postcode);
        if (postcode != null && area == null) {
            errors.add(error("postcode", "postcode must be a Dutch PC4 (1234) or PC6 (1234AB or 1234 AB) postcode, was '"
                    + postcode + "'"));
        }
        ContractStatus contractStatus = status == null ? null : Arrays.stream(ContractStatus.values())
                .filter(value -> value.name().equals(status)).findFirst().orElse(null);
        if (status != null && contractStatus == null) {
            errors.add(error("status", "status must be one of " + Arrays.toString(ContractStatus.values()) + ", was '"
                    + status + "'"));
        }
        LocalDate day = date(activeOn, errors);
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = number("size", size, 20, 1, maxSize, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(400, "invalid-request", "Invalid request",
                    errors.size() + " invalid search parameter(s): "
                            + String.join("; ", errors.stream().map(FieldError::message).toList()),
                    errors));
        }
        return new SearchParameters(new ContractSearch(insurer == null ? null : new Uzovi(insurer),
                provider == null ? null : new AgbCode(provider), area, contractStatus, day, Optional.empty()), pageNumber, pageSize);
    }

    private static LocalDate date(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(error("activeOn", "activeOn must be an ISO date (yyyy-MM-dd), was '" + text + "'"));
            return null;
        }
    }

    private static int number(String name, String text, int absent, int min, int max, List<FieldError> errors) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        errors.add(error(name, name + " must be a whole number " + (max == Integer.MAX_VALUE ? "of " + min + " or more"
                : "between " + min + " and " + max) + ", was '" + text + "'"));
        return absent;
    }

    private static FieldError error(String parameter, String message) {
        return FieldError.request(parameter, message);
    }
}
