package nl.bdss.allocation.split.application;

import nl.bdss.allocation.split.domain.ContractVersion;

/**
 * Reads a contract version from a document a caller sent: the ContractVersionPublished record the contract service
 * would publish, in Avro's JSON encoding (the preview's body). Reading stores nothing.
 */
public interface ContractVersionDocuments {

    /** The version with its terms; {@link InvalidContractVersion} naming every field that is wrong. */
    ContractVersion read(byte[] document);
}
