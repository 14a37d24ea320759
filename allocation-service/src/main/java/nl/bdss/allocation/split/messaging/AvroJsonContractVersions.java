package nl.bdss.allocation.split.messaging;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bdss.allocation.split.application.ContractVersionDocuments;
import nl.bdss.allocation.split.application.InvalidContractVersion;
import nl.bdss.allocation.split.application.InvalidContractVersion.Violation;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.messaging.serde.TrustedEventClasses;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.JsonDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ContractVersionPublished record in Avro's JSON encoding (the preview's body, {@code
 * application/vnd.bdss.contract-version+json}), read with the record's own schema by Avro's JSON decoder and
 * {@link SpecificDatumReader}, then mapped by {@link ContractTermsMapper} exactly as a version from the topic is.
 * The document is checked against the schema first ({@link AvroJsonShape}) so that every wrong field is named.
 */
@Component
class AvroJsonContractVersions implements ContractVersionDocuments {

    private static final Schema SCHEMA = ContractVersionPublished.getClassSchema();
    private static final Pattern RULE = Pattern.compile("\\b(R\\d{1,2})\\b");

    /** A plain mapper, not the web's: the document's nulls (union branches) must survive writing it back. */
    private final JsonMapper json = JsonMapper.shared();
    private final AvroJsonShape shape = new AvroJsonShape(json);

    AvroJsonContractVersions() {
        TrustedEventClasses.trust();
    }

    @Override
    public ContractVersion read(byte[] document) {
        JsonNode tree;
        try {
            tree = json.readTree(document);
        } catch (JacksonException e) {
            throw invalid("", "malformed JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw invalid("", "a ContractVersionPublished record in Avro's JSON encoding is required");
        }
        List<AvroJsonShape.Mismatch> mismatches = shape.check(tree, SCHEMA);
        if (!mismatches.isEmpty()) {
            throw new InvalidContractVersion(mismatches.stream()
                    .map(mismatch -> new Violation(mismatch.field(), Violation.REQUEST,
                            mismatch.field().isEmpty() ? mismatch.message() : mismatch.field() + " " + mismatch.message()))
                    .toList());
        }
        ContractVersionPublished event = decode(json.writeValueAsString(tree));
        try {
            return ContractTermsMapper.toVersion(event);
        } catch (ContractTermsMapper.InvalidField e) {
            throw new InvalidContractVersion(List.of(new Violation(e.field(), rule(e.getMessage()), e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw invalid("", e.getMessage());
        }
    }

    private static ContractVersionPublished decode(String document) {
        try {
            JsonDecoder decoder = DecoderFactory.get().jsonDecoder(SCHEMA, document);
            return new SpecificDatumReader<ContractVersionPublished>(SCHEMA, SCHEMA, SpecificData.getForSchema(SCHEMA))
                    .read(null, decoder);
        } catch (IOException | AvroRuntimeException | IllegalArgumentException e) {
            // the shape check lets through only what the decoder reads; this is the decoder's own word on the rest
            throw invalid("", "not a ContractVersionPublished record in Avro's JSON encoding: " + e.getMessage());
        }
    }

    private static InvalidContractVersion invalid(String field, String message) {
        return new InvalidContractVersion(List.of(new Violation(field, Violation.REQUEST, message)));
    }

    /** The rule a domain refusal names (its messages end in "(R7)" and the like); REQUEST when it names none. */
    private static String rule(String message) {
        Matcher matcher = RULE.matcher(message == null ? "" : message);
        return matcher.find() ? matcher.group(1) : Violation.REQUEST;
    }
}
