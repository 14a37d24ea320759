package nl.bdss.allocation.split.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.application.ContractTermsStore;
import nl.bdss.allocation.split.domain.ContractChangeKind;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.kernel.time.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract terms in PostgreSQL: every applied version in contract_terms_version, the latest also in
 * contract_terms, each as a JSON document beside the columns it is looked up by.
 */
@Repository
class JdbcContractTermsStore implements ContractTermsStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcContractTermsStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Locks the contract's row. */
    @Override
    public Optional<Integer> lockAppliedVersion(String contractId) {
        return jdbc.sql("select version from contract_terms where contract_id = ? for update")
                .param(contractId).query(Integer.class).optional();
    }

    @Override
    public void save(ContractVersion version, Instant at) {
        ContractTerms terms = version.terms();
        save(terms, at);
        jdbc.sql("insert into contract_terms_version (contract_id, version, change, effective_from, count_source, "
                        + "reference_date, terms, applied_at) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")
                .params(terms.contractId(), terms.version(), version.change().name(), version.effectiveFrom(),
                        terms.purchasing().source() == null ? null : terms.purchasing().source().name(),
                        terms.purchasing().referenceDate(), json.writeValueAsString(terms), at.atOffset(ZoneOffset.UTC))
                .update();
        for (LocalDate date : terms.purchasing().referenceDatesWithin(Period.of(terms.validFrom(), terms.validUntil()))) {
            jdbc.sql("insert into contract_terms_reference_date (contract_id, version, count_source, reference_date) "
                            + "values (?, ?, ?, ?)")
                    .params(terms.contractId(), terms.version(), terms.purchasing().source().name(), date).update();
        }
    }

    @Override
    public List<ContractVersion> versions(String contractId) {
        return jdbc.sql("select change, effective_from, terms from contract_terms_version where contract_id = ? "
                        + "order by version")
                .param(contractId)
                .query((rs, row) -> new ContractVersion(read(rs.getString("terms")),
                        ContractChangeKind.valueOf(rs.getString("change")), rs.getObject("effective_from", LocalDate.class)))
                .list();
    }

    private void save(ContractTerms terms, Instant at) {
        jdbc.sql("insert into contract_terms (contract_id, version, count_source, reference_date, terms, updated_at) "
                        + "values (?, ?, ?, ?, cast(? as jsonb), ?) on conflict (contract_id) do update set "
                        + "version = excluded.version, count_source = excluded.count_source, "
                        + "reference_date = excluded.reference_date, terms = excluded.terms, updated_at = excluded.updated_at")
                .params(terms.contractId(), terms.version(),
                        terms.purchasing().source() == null ? null : terms.purchasing().source().name(),
                        terms.purchasing().referenceDate(), json.writeValueAsString(terms), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public boolean isParty(String contractId, String uzovi) {
        return jdbc.sql("select exists (select 1 from contract_terms_version v, jsonb_array_elements(v.terms -> 'insurers') i "
                        + "where v.contract_id = ? and i ->> 'code' = ?)")
                .params(contractId, uzovi).query(Boolean.class).single();
    }

    @Override
    public Optional<ContractTerms> find(String contractId) {
        return jdbc.sql("select terms from contract_terms where contract_id = ?").param(contractId)
                .query(String.class).optional().map(this::read);
    }

    @Override
    public List<String> usingDataset(CountSource source, LocalDate referenceDate) {
        return jdbc.sql("select distinct contract_id from contract_terms_reference_date where count_source = ? "
                        + "and reference_date = ? order by contract_id")
                .params(source.name(), referenceDate).query(String.class).list();
    }

    private ContractTerms read(String document) {
        return json.readValue(document, ContractTerms.class);
    }
}
