package nl.bdss.allocation.split.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bdss.allocation.split.domain.LargestRemainder.Claim;

/**
 * Splits one period's amount, exact to the cent at every level (R7, R10, R11): amount, then domain shares, then
 * within ZVW the sector shares, then the insurers by their exact insured counts, then the payees (the main
 * contractor, or the sector's equal partners by their share). Every level uses the largest remainder.
 */
public final class BudgetSplit {

    private BudgetSplit() {
    }

    public static List<AllocationLine> lines(ContractTerms terms, List<MarketShare> shares, long amountCents) {
        List<AllocationLine> lines = new ArrayList<>();
        Map<LegalDomain, Long> perDomain = LargestRemainder.split(amountCents, claims(terms.domainShares()));
        perDomain.forEach((domain, domainAmount) -> {
            if (domain != LegalDomain.ZVW) {
                addIfPaid(lines, AllocationLine.recorded(domain, domainAmount));
                return;
            }
            Map<String, Long> perSector = LargestRemainder.split(domainAmount, claims(terms.sectorShares()));
            perSector.forEach((sector, sectorAmount) -> insurers(terms, shares, sector, sectorAmount, lines));
        });
        return lines;
    }

    private static void insurers(ContractTerms terms, List<MarketShare> shares, String sector, long sectorAmount,
            List<AllocationLine> lines) {
        List<Claim<String>> claims = shares.stream()
                .map(share -> new Claim<>(share.uzovi(), shares.size() == 1 ? 1 : share.insuredCount()))
                .toList();
        Map<String, Long> perInsurer = LargestRemainder.split(sectorAmount, claims);
        perInsurer.forEach((uzovi, insurerAmount) -> payees(terms, sector, insurerAmount).forEach((partyKey, amount) ->
                addIfPaid(lines, new AllocationLine(LegalDomain.ZVW, sector, uzovi, partyKey,
                        terms.party(partyKey).map(Party::agb).orElse(null), amount))));
    }

    private static Map<String, Long> payees(ContractTerms terms, String sector, long amount) {
        ExecutionModel model = terms.executionModel();
        if (model.type() == ExecutionModel.Type.MAIN_CONTRACTOR) {
            return Map.of(model.mainContractorKey(), amount);
        }
        List<Party> partners = terms.parties().stream().filter(party -> party.zvwProviderIn(sector)).toList();
        boolean sharesListed = partners.stream().anyMatch(p -> model.partnerShares().containsKey(p.key()));
        List<Claim<String>> claims = partners.stream()
                .filter(p -> !sharesListed || model.partnerShares().containsKey(p.key()))
                .map(p -> new Claim<>(p.key(), sharesListed ? model.partnerShares().get(p.key()) : 1))
                .toList();
        return LargestRemainder.split(amount, claims);
    }

    private static <K extends Comparable<? super K>> List<Claim<K>> claims(Map<K, Integer> basisPoints) {
        return basisPoints.entrySet().stream().map(e -> new Claim<>(e.getKey(), e.getValue().longValue())).toList();
    }

    private static void addIfPaid(List<AllocationLine> lines, AllocationLine line) {
        if (line.amountCents() > 0) {
            lines.add(line);
        }
    }
}
