package nl.bdss.system.workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import nl.bdss.system.workload.Terms.Party;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders generated terms as contract documents for the contract API, starting from the manual's example
 * ({@code examples/contract-manual-example.json}) so the free-text parts (target group, activities, attestations,
 * agreements) stay what the API accepts.
 */
public final class ContractDocuments {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ObjectNode example;

    public ContractDocuments(Path repository) {
        try {
            this.example = (ObjectNode) json.readTree(Files.readString(repository.resolve("examples/contract-manual-example.json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the manual's example contract", e);
        }
    }

    public JsonMapper json() {
        return json;
    }

    public ObjectNode document(Terms terms) {
        ObjectNode document = example.deepCopy();
        document.put("reference", terms.reference());
        document.put("title", terms.title());
        document.put("validFrom", terms.validFrom().toString());
        document.put("validUntil", terms.validUntil().toString());
        ArrayNode insurers = document.putArray("insurers");
        terms.insurers().forEach(uzovi -> insurers.addObject().put("uzovi", uzovi).put("name", "Zorgverzekeraar " + uzovi));
        ArrayNode parties = document.putArray("parties");
        for (Party party : terms.parties()) {
            ObjectNode node = parties.addObject().put("key", party.key()).put("name", party.name()).put("domain", party.domain());
            if (party.zvw()) {
                node.put("sector", party.sector()).put("agb", party.agb());
            }
        }
        ArrayNode area = ((ObjectNode) document.get("targetGroup")).putArray("serviceAreaPostcodes");
        terms.serviceArea().forEach(area::add);
        ObjectNode budget = document.putObject("budget");
        budget.put("lumpSumCents", terms.lumpSumCents());
        budget.put("period", terms.period().name());
        ObjectNode domains = budget.putObject("domainSharesBasisPoints");
        new TreeMap<>(terms.domainShares()).forEach(domains::put);
        ObjectNode sectors = budget.putObject("zvwSectorSharesBasisPoints");
        new TreeMap<>(terms.sectorShares()).forEach(sectors::put);
        ObjectNode model = document.putObject("executionModel").put("type", terms.executionType());
        if (Terms.MAIN_CONTRACTOR.equals(terms.executionType())) {
            model.put("mainContractor", terms.mainContractor());
        } else {
            ObjectNode shares = model.putObject("partnerSharesBasisPoints");
            new TreeMap<>(terms.partnerShares()).forEach(shares::put);
        }
        ObjectNode purchasing = document.putObject("purchasing");
        if (terms.coordinated()) {
            purchasing.put("type", "COORDINATED");
            purchasing.putObject("marketShare").put("basis", terms.marketShareBasis())
                    .put("referenceDate", terms.referenceDate().toString()).put("source", terms.countSource());
        } else {
            purchasing.put("type", "SINGLE");
        }
        document.put("paymentTiming", terms.paymentTiming());
        return document;
    }
}
