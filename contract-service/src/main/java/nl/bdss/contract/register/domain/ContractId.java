package nl.bdss.contract.register.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a contract; also the Kafka key of its events. */
public record ContractId(UUID value) {

    public ContractId {
        Objects.requireNonNull(value, "contract id");
    }

    public static ContractId random() {
        return new ContractId(UUID.randomUUID());
    }

    public static ContractId of(String text) {
        return new ContractId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
