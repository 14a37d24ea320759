package nl.bdss.contract.register.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.contract.register.application.Proposals;
import nl.bdss.contract.register.domain.Actor;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.ContractStatus;
import nl.bdss.contract.register.domain.Decision;
import nl.bdss.contract.register.domain.DecisionType;
import nl.bdss.contract.register.domain.PartyId;
import nl.bdss.contract.register.domain.PartyRole;
import nl.bdss.contract.register.domain.Proposal;
import nl.bdss.contract.register.domain.ProposalKind;
import nl.bdss.contract.register.domain.ProposalStatus;
import nl.bdss.contract.register.domain.Signatory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores proposals, the signatories they ask and their decisions with plain SQL; terms as jsonb like contracts. */
@Repository
class ProposalRepository implements Proposals {

    private final JdbcClient jdbc;
    private final StoredTerms documents;

    ProposalRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.documents = new StoredTerms(json);
    }

    @Override
    public void insert(Proposal proposal) {
        PartyId proposer = proposal.proposedBy().party();
        jdbc.sql("""
                insert into contract_proposal (id, contract_id, number, kind, status, revision, proposer_role, proposer_code,
                                               proposer_client_id, proposed_at, based_on_version, version, version_status,
                                               effective_from, end_date, document, warnings, closed_at)
                values (:id, :contractId, :number, :kind, :status, :revision, :proposerRole, :proposerCode, :proposerClientId,
                        :proposedAt, :basedOnVersion, :version, :versionStatus, :effectiveFrom, :endDate,
                        cast(:document as jsonb), cast(:warnings as jsonb), :closedAt)""")
                .param("id", proposal.id())
                .param("contractId", proposal.contractId().value())
                .param("number", proposal.number())
                .param("kind", proposal.kind().name())
                .param("proposerRole", proposer == null ? null : proposer.role().name())
                .param("proposerCode", proposer == null ? null : proposer.code())
                .param("proposerClientId", proposal.proposedBy().clientId())
                .param("proposedAt", utc(proposal.proposedAt()))
                .param("basedOnVersion", proposal.basedOnVersion())
                .param("endDate", proposal.endDate())
                .params(stateParameters(proposal))
                .update();
        int position = 0;
        for (Signatory asked : proposal.asked()) {
            jdbc.sql("""
                    insert into contract_proposal_party (proposal_id, position, role, code, party_key)
                    values (?, ?, ?, ?, ?)""")
                    .params(proposal.id(), position++, asked.party().role().name(), asked.party().code(), asked.partyKey())
                    .update();
        }
        insertDecisions(proposal);
    }

    @Override
    public void update(Proposal proposal) {
        jdbc.sql("""
                update contract_proposal set status = :status, revision = :revision, version = :version,
                       version_status = :versionStatus, effective_from = :effectiveFrom, document = cast(:document as jsonb),
                       warnings = cast(:warnings as jsonb), closed_at = :closedAt
                 where id = :id""")
                .param("id", proposal.id())
                .params(stateParameters(proposal))
                .update();
        insertDecisions(proposal);
    }

    @Override
    public Optional<Proposal> latest(ContractId contractId) {
        return jdbc.sql("select * from contract_proposal where contract_id = :id order by number desc limit 1")
                .param("id", contractId.value())
                .query(this::proposal)
                .optional()
                .map(this::complete);
    }

    @Override
    public Optional<Proposal> latestInvolving(ContractId contractId, PartyId party) {
        return jdbc.sql("""
                select * from contract_proposal p
                 where p.contract_id = :id
                   and ((p.proposer_role = :role and p.proposer_code = :code)
                        or exists (select 1 from contract_proposal_party asked
                                    where asked.proposal_id = p.id and asked.role = :role and asked.code = :code))
                 order by p.number desc limit 1""")
                .param("id", contractId.value())
                .param("role", party.role().name())
                .param("code", party.code())
                .query(this::proposal)
                .optional()
                .map(this::complete);
    }

    @Override
    public Optional<Proposal> byNumber(ContractId contractId, int number) {
        return jdbc.sql("select * from contract_proposal where contract_id = :id and number = :number")
                .param("id", contractId.value())
                .param("number", number)
                .query(this::proposal)
                .optional()
                .map(this::complete);
    }

    private Map<String, Object> stateParameters(Proposal proposal) {
        Contract version = proposal.proposed();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", proposal.status().name());
        params.put("revision", proposal.revision());
        params.put("version", version.version());
        params.put("versionStatus", version.status().name());
        params.put("effectiveFrom", version.effectiveFrom());
        params.put("document", documents.write(version.terms()));
        params.put("warnings", documents.writeFindings(version.warnings()));
        params.put("closedAt", proposal.closedAt() == null ? null : utc(proposal.closedAt()));
        return params;
    }

    private void insertDecisions(Proposal proposal) {
        int position = 0;
        for (Decision decision : proposal.decisions()) {
            jdbc.sql("""
                    insert into contract_proposal_decision (proposal_id, position, role, code, party_key, client_id,
                                                            decision, reason, decided_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (proposal_id, role, code) do nothing""")
                    .params(proposal.id(), position++, decision.party().party().role().name(),
                            decision.party().party().code(), decision.party().partyKey(), decision.clientId(),
                            decision.type().name(), decision.reason(), utc(decision.decidedAt()))
                    .update();
        }
    }

    /** A proposal row without its parties and decisions yet ({@link #complete} adds them). */
    private Proposal proposal(ResultSet rs, int rowNum) throws SQLException {
        String proposerRole = rs.getString("proposer_role");
        PartyId proposer = proposerRole == null ? null
                : new PartyId(PartyRole.valueOf(proposerRole), rs.getString("proposer_code"));
        ContractId contractId = new ContractId(rs.getObject("contract_id", UUID.class));
        Contract proposed = new Contract(contractId, rs.getInt("version"),
                ContractStatus.valueOf(rs.getString("version_status")), documents.read(rs.getString("document")),
                rs.getObject("effective_from", LocalDate.class), documents.readFindings(rs.getString("warnings")));
        Integer basedOn = rs.getObject("based_on_version", Integer.class);
        return new Proposal(rs.getObject("id", UUID.class), contractId, rs.getInt("number"),
                ProposalKind.valueOf(rs.getString("kind")), ProposalStatus.valueOf(rs.getString("status")),
                rs.getInt("revision"), new Actor(proposer, rs.getString("proposer_client_id")),
                instant(rs, "proposed_at"), basedOn, proposed,
                rs.getObject("end_date", LocalDate.class), List.of(), List.of(), instant(rs, "closed_at"));
    }

    private Proposal complete(Proposal row) {
        List<Signatory> asked = jdbc.sql("select * from contract_proposal_party where proposal_id = ? order by position")
                .param(row.id())
                .query((rs, n) -> new Signatory(new PartyId(PartyRole.valueOf(rs.getString("role")), rs.getString("code")),
                        rs.getString("party_key")))
                .list();
        List<Decision> decisions = jdbc.sql("select * from contract_proposal_decision where proposal_id = ? order by position")
                .param(row.id())
                .query((rs, n) -> new Decision(
                        new Signatory(new PartyId(PartyRole.valueOf(rs.getString("role")), rs.getString("code")),
                                rs.getString("party_key")),
                        rs.getString("client_id"), DecisionType.valueOf(rs.getString("decision")), rs.getString("reason"),
                        instant(rs, "decided_at")))
                .list();
        return new Proposal(row.id(), row.contractId(), row.number(), row.kind(), row.status(), row.revision(),
                row.proposedBy(), row.proposedAt(), row.basedOnVersion(), row.proposed(), row.endDate(), asked, decisions,
                row.closedAt());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
