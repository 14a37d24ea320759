package nl.bdss.contract.register.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.contract.register.domain.Actor;
import nl.bdss.contract.register.domain.Decision;
import nl.bdss.contract.register.domain.DecisionType;
import nl.bdss.contract.register.domain.PartyId;
import nl.bdss.contract.register.domain.PartyRole;
import nl.bdss.contract.register.domain.Proposal;
import nl.bdss.contract.register.domain.ProposalKind;
import nl.bdss.contract.register.domain.ProposalStatus;
import nl.bdss.contract.register.domain.Signatory;

/**
 * A proposal as the API shows it: what it proposes, who made it, whom it asks, who has not answered yet and every
 * decision with who (role, UZOVI or AGB, client id), when and why.
 *
 * @param etag               the proposal's entity tag, as the {@code ETag} header gives it; send it as {@code If-Match}
 *                           to accept, decline or withdraw
 * @param basedOnVersion     the version in force when it was proposed; absent for a registration
 * @param version            the version it makes once accepted (the one it made, when ACCEPTED)
 * @param effectiveFrom      the day that version takes effect
 * @param endDate            a termination's last valid day
 * @param asked              every party whose acceptance it needs (the proposer's is implied)
 * @param pendingAcceptances those of them that have not answered while it is OPEN
 * @param contract           the contract document of the version it proposes
 */
@JsonPropertyOrder({"id", "etag", "kind", "status", "proposedBy", "proposedAt", "basedOnVersion", "version",
        "effectiveFrom", "endDate", "asked", "pendingAcceptances", "decisions", "closedAt", "contract", "warnings"})
record ProposalResponse(
        UUID id,
        String etag,
        ProposalKind kind,
        ProposalStatus status,
        PartyJson proposedBy,
        Instant proposedAt,
        Integer basedOnVersion,
        int version,
        LocalDate effectiveFrom,
        LocalDate endDate,
        List<PartyJson> asked,
        List<PartyJson> pendingAcceptances,
        List<DecisionJson> decisions,
        Instant closedAt,
        ContractDocumentJson contract,
        List<ContractResponse.Warning> warnings) {

    /** A party: {@code {"role":"INSURER","uzovi":"3311"}} or {@code {"role":"PROVIDER","agb":"01012345","partyKey":"hap-west"}}. */
    @JsonPropertyOrder({"role", "uzovi", "agb", "partyKey", "clientId"})
    record PartyJson(PartyRole role, String uzovi, String agb, String partyKey, String clientId) {

        static PartyJson of(PartyId party, String partyKey, String clientId) {
            if (party == null) {
                return new PartyJson(null, null, null, null, clientId);
            }
            return party.role() == PartyRole.INSURER ? new PartyJson(party.role(), party.code(), null, null, clientId)
                    : new PartyJson(party.role(), null, party.code(), partyKey, clientId);
        }

        static PartyJson of(Signatory signatory) {
            return of(signatory.party(), signatory.partyKey(), null);
        }

        static PartyJson of(Actor actor) {
            return of(actor.party(), null, actor.clientId());
        }
    }

    @JsonPropertyOrder({"role", "uzovi", "agb", "partyKey", "clientId", "decision", "reason", "decidedAt"})
    record DecisionJson(PartyRole role, String uzovi, String agb, String partyKey, String clientId, DecisionType decision,
            String reason, Instant decidedAt) {

        static DecisionJson of(Decision decision) {
            PartyJson party = PartyJson.of(decision.party().party(), decision.party().partyKey(), decision.clientId());
            return new DecisionJson(party.role(), party.uzovi(), party.agb(), party.partyKey(), party.clientId(),
                    decision.type(), decision.reason(), decision.decidedAt());
        }
    }

    static String etag(Proposal proposal) {
        return "\"" + proposal.tag() + "\"";
    }

    static ProposalResponse of(Proposal proposal) {
        return new ProposalResponse(proposal.id(), etag(proposal), proposal.kind(), proposal.status(),
                PartyJson.of(proposal.proposedBy()), proposal.proposedAt(), proposal.basedOnVersion(),
                proposal.proposed().version(), proposal.proposed().effectiveFrom(), proposal.endDate(),
                proposal.asked().stream().map(PartyJson::of).toList(),
                proposal.pending().stream().map(PartyJson::of).toList(),
                proposal.decisions().stream().map(DecisionJson::of).toList(), proposal.closedAt(),
                ContractDocumentJson.of(proposal.proposed().terms()),
                ContractResponse.Warning.of(proposal.proposed().warnings()));
    }
}
