package nl.bdss.allocation.split.domain;

import java.util.Map;

/**
 * Who receives the Zvw money (R10): the main contractor for every line, or each equal partner by its share
 * (basis points) within its Zvw sector; partners without a listed share split their sector equally.
 */
public record ExecutionModel(Type type, String mainContractorKey, Map<String, Integer> partnerShares) {

    public enum Type {
        MAIN_CONTRACTOR, EQUAL_PARTNERS
    }

    public ExecutionModel {
        if (type == null) {
            throw new IllegalArgumentException("execution model type is required (R10)");
        }
        if (type == Type.MAIN_CONTRACTOR && (mainContractorKey == null || mainContractorKey.isBlank())) {
            throw new IllegalArgumentException("a main-contractor model names its main contractor (R10)");
        }
        partnerShares = partnerShares == null ? Map.of() : Map.copyOf(partnerShares);
    }

    public static ExecutionModel mainContractor(String partyKey) {
        return new ExecutionModel(Type.MAIN_CONTRACTOR, partyKey, Map.of());
    }

    public static ExecutionModel equalPartners(Map<String, Integer> partnerShares) {
        return new ExecutionModel(Type.EQUAL_PARTNERS, null, partnerShares);
    }
}
