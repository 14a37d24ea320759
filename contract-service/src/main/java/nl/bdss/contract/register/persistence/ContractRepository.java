package nl.bdss.contract.register.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.contract.register.application.ContractSearch;
import nl.bdss.contract.register.application.Contracts;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.ContractStatus;
import nl.bdss.contract.register.domain.ContractTerms;
import nl.bdss.contract.register.domain.PartyId;
import nl.bdss.contract.register.domain.PartyRole;
import nl.bdss.contract.register.domain.Signatory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores contracts and their versions with plain SQL; the terms are kept as jsonb in the document's shape. */
@Repository
class ContractRepository implements Contracts {

    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StoredTerms documents;

    ContractRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.documents = new StoredTerms(json);
    }

    @Override
    public void insert(Contract contract, Instant now) {
        jdbc.sql("""
                insert into contract (id, reference, status, version, valid_from, valid_until, effective_from, document,
                                      warnings, created_at, updated_at)
                values (:id, :reference, :status, :version, :validFrom, :validUntil, :effectiveFrom, cast(:document as jsonb),
                        cast(:warnings as jsonb), :now, :now)""")
                .params(rowParameters(contract, now))
                .update();
        replaceLookups(contract);
    }

    @Override
    public void update(Contract contract, Instant now) {
        jdbc.sql("""
                update contract set reference = :reference, status = :status, version = :version, valid_from = :validFrom,
                       valid_until = :validUntil, effective_from = :effectiveFrom, document = cast(:document as jsonb),
                       warnings = cast(:warnings as jsonb), updated_at = :now
                 where id = :id""")
                .params(rowParameters(contract, now))
                .update();
        replaceLookups(contract);
    }

    @Override
    public void recordVersion(Contract contract, ContractChange change, List<ContractId> overlaps, Instant now) {
        jdbc.sql("""
                insert into contract_version (contract_id, version, change, status, effective_from, document, warnings,
                                              overlapping_contract_ids, recorded_at)
                values (:id, :version, :change, :status, :effectiveFrom, cast(:document as jsonb), cast(:warnings as jsonb),
                        cast(:overlaps as jsonb), :now)""")
                .param("id", contract.id().value())
                .param("version", contract.version())
                .param("change", change.name())
                .param("status", contract.status().name())
                .param("effectiveFrom", contract.effectiveFrom())
                .param("document", documents.write(contract.terms()))
                .param("warnings", documents.writeFindings(contract.warnings()))
                .param("overlaps", json.writeValueAsString(overlaps.stream().map(ContractId::value).toList()))
                .param("now", utc(now))
                .update();
        for (Signatory signatory : contract.terms().signatories()) {
            jdbc.sql("""
                    insert into contract_version_party (contract_id, version, role, code) values (?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(contract.id().value(), contract.version(), signatory.party().role().name(),
                            signatory.party().code())
                    .update();
        }
    }

    @Override
    public Optional<Contract> find(ContractId id, Optional<PartyId> onlyParty) {
        return jdbc.sql("select * from contract c where c.id = :id" + partyCondition("c.id", onlyParty))
                .param("id", id.value())
                .params(partyParameters(onlyParty))
                .query(this::contract)
                .optional();
    }

    @Override
    public Optional<Contract> findForUpdate(ContractId id, Optional<PartyId> onlyParty) {
        return jdbc.sql("select * from contract c where c.id = :id" + partyCondition("c.id", onlyParty) + " for update of c")
                .param("id", id.value())
                .params(partyParameters(onlyParty))
                .query(this::contract)
                .optional();
    }

    @Override
    public List<StoredVersion> versions(ContractId id, Optional<PartyId> onlyParty) {
        return jdbc.sql("select * from contract_version v where v.contract_id = :id" + signedCondition(onlyParty)
                        + " order by v.version")
                .param("id", id.value())
                .params(partyParameters(onlyParty))
                .query(this::storedVersion)
                .list();
    }

    @Override
    public Optional<StoredVersion> version(ContractId id, int version, Optional<PartyId> onlyParty) {
        return jdbc.sql("select * from contract_version v where v.contract_id = :id and v.version = :version"
                        + signedCondition(onlyParty))
                .param("id", id.value())
                .param("version", version)
                .params(partyParameters(onlyParty))
                .query(this::storedVersion)
                .optional();
    }

    @Override
    public Optional<StoredVersion> lastVersionSignedBy(ContractId id, PartyId party) {
        return jdbc.sql("select * from contract_version v where v.contract_id = :id" + signedCondition(Optional.of(party))
                        + " order by v.version desc limit 1")
                .param("id", id.value())
                .params(partyParameters(Optional.of(party)))
                .query(this::storedVersion)
                .optional();
    }

    /**
     * Tenant isolation in SQL: the contract as it is now (the current version, or the registration proposed) must
     * name the insurer among its insurers or the provider's AGB among its Zvw providers.
     */
    private static String partyCondition(String contractIdColumn, Optional<PartyId> onlyParty) {
        if (onlyParty.isEmpty()) {
            return "";
        }
        return onlyParty.get().role() == PartyRole.INSURER
                ? " and exists (select 1 from contract_insurer party where party.contract_id = " + contractIdColumn
                        + " and party.uzovi = :partyCode)"
                : " and exists (select 1 from contract_provider party where party.contract_id = " + contractIdColumn
                        + " and party.agb = :partyCode)";
    }

    /** Tenant isolation of a version ({@code v}): the party signed that very version (a former party its own). */
    private static String signedCondition(Optional<PartyId> onlyParty) {
        return onlyParty.isEmpty() ? "" : " and exists (select 1 from contract_version_party signed"
                + " where signed.contract_id = v.contract_id and signed.version = v.version"
                + " and signed.role = :partyRole and signed.code = :partyCode)";
    }

    private static Map<String, Object> partyParameters(Optional<PartyId> onlyParty) {
        return onlyParty.<Map<String, Object>>map(party -> Map.of("partyRole", party.role().name(),
                "partyCode", party.code())).orElse(Map.of());
    }

    /**
     * One register-wide advisory lock, always taken first. Contract changes are rare (a few per contract over the
     * experiment), so the lost parallelism costs nothing.
     */
    @Override
    public void lockRegister() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('bdss-contract-register'))").query((rs, n) -> 1).list();
    }

    @Override
    public List<Contract> overlapCandidates(Contract contract) {
        return jdbc.sql("""
                select c.* from contract c
                 where c.id <> :id and c.status = 'ACTIVE'
                   and c.valid_from <= :validUntil and c.valid_until >= :validFrom
                   and exists (select 1 from contract_provider p where p.contract_id = c.id and p.agb in (:agbs))
                 order by c.created_at, c.id""")
                .param("id", contract.id().value())
                .param("validFrom", contract.terms().validity().start())
                .param("validUntil", contract.terms().validity().end())
                .param("agbs", contract.terms().providerAgbs().stream().map(Object::toString).toList())
                .query(this::contract)
                .list();
    }

    @Override
    public void replaceOverlaps(ContractId id, List<ContractId> overlapping, Instant now) {
        jdbc.sql("delete from contract_overlap where contract_id = :id or overlapping_contract_id = :id")
                .param("id", id.value())
                .update();
        for (ContractId other : overlapping) {
            for (UUID[] pair : new UUID[][] {{id.value(), other.value()}, {other.value(), id.value()}}) {
                jdbc.sql("insert into contract_overlap (contract_id, overlapping_contract_id, detected_at) values (?, ?, ?)")
                        .params(pair[0], pair[1], utc(now))
                        .update();
            }
        }
    }

    @Override
    public List<ContractId> overlapsOf(ContractId id) {
        return jdbc.sql("select overlapping_contract_id from contract_overlap where contract_id = :id order by detected_at, overlapping_contract_id")
                .param("id", id.value())
                .query((rs, n) -> new ContractId(rs.getObject(1, UUID.class)))
                .list();
    }

    @Override
    public Page search(ContractSearch criteria, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (criteria.insurer() != null) {
            where.append(" and exists (select 1 from contract_insurer i where i.contract_id = c.id and i.uzovi = :insurer)");
            params.put("insurer", criteria.insurer().code());
        }
        if (criteria.provider() != null) {
            where.append(" and exists (select 1 from contract_provider p where p.contract_id = c.id and p.agb = :provider)");
            params.put("provider", criteria.provider().code());
        }
        if (criteria.postcode() != null) {
            where.append(criteria.postcode().pc4Area()
                    ? " and exists (select 1 from contract_postcode z where z.contract_id = c.id and left(z.postcode, 4) = :pc4)"
                    : " and exists (select 1 from contract_postcode z where z.contract_id = c.id and z.postcode in (:postcode, :pc4))");
            params.put("postcode", criteria.postcode().value());
            params.put("pc4", criteria.postcode().pc4());
        }
        if (criteria.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", criteria.status().name());
        }
        where.append(partyCondition("c.id", criteria.onlyParty()));
        criteria.onlyParty().ifPresent(party -> params.put("partyCode", party.code()));
        if (criteria.activeOn() != null) {
            where.append(" and c.valid_from <= :activeOn and c.valid_until >= :activeOn");
            params.put("activeOn", criteria.activeOn());
        }
        long total = jdbc.sql("select count(*) from contract c" + where).params(params).query(Long.class).single();
        List<Contract> contracts = jdbc.sql("select c.* from contract c" + where
                        + " order by c.created_at, c.id limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(this::contract)
                .list();
        return new Page(contracts, total);
    }

    private void replaceLookups(Contract contract) {
        for (String table : List.of("contract_insurer", "contract_provider", "contract_postcode")) {
            jdbc.sql("delete from " + table + " where contract_id = ?").param(contract.id().value()).update();
        }
        ContractTerms terms = contract.terms();
        terms.insurerCodes().forEach(uzovi -> jdbc.sql("insert into contract_insurer (contract_id, uzovi) values (?, ?)")
                .params(contract.id().value(), uzovi.code()).update());
        terms.providerAgbs().forEach(agb -> jdbc.sql("insert into contract_provider (contract_id, agb) values (?, ?)")
                .params(contract.id().value(), agb.code()).update());
        terms.targetGroup().serviceArea().forEach(postcode -> jdbc.sql("insert into contract_postcode (contract_id, postcode) values (?, ?)")
                .params(contract.id().value(), postcode.value()).update());
    }

    private Map<String, Object> rowParameters(Contract contract, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", contract.id().value());
        params.put("reference", contract.terms().reference());
        params.put("status", contract.status().name());
        params.put("version", contract.version());
        params.put("validFrom", contract.terms().validity().start());
        params.put("validUntil", contract.terms().validity().end());
        params.put("effectiveFrom", contract.effectiveFrom());
        params.put("document", documents.write(contract.terms()));
        params.put("warnings", documents.writeFindings(contract.warnings()));
        params.put("now", utc(now));
        return params;
    }

    private Contract contract(ResultSet rs, int rowNum) throws SQLException {
        return contract(rs, "id");
    }

    /** A contract from a row of {@code contract} or {@code contract_version}, whose id column is named differently. */
    private Contract contract(ResultSet rs, String idColumn) throws SQLException {
        return new Contract(new ContractId(rs.getObject(idColumn, UUID.class)), rs.getInt("version"),
                ContractStatus.valueOf(rs.getString("status")),
                documents.read(rs.getString("document")),
                rs.getObject("effective_from", LocalDate.class),
                documents.readFindings(rs.getString("warnings")));
    }

    private StoredVersion storedVersion(ResultSet rs, int rowNum) throws SQLException {
        Contract contract = contract(rs, "contract_id");
        List<ContractId> overlaps = new ArrayList<>();
        json.readValue(rs.getString("overlapping_contract_ids"), IDS).forEach(id -> overlaps.add(new ContractId(id)));
        return new StoredVersion(contract, ContractChange.valueOf(rs.getString("change")), overlaps,
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
