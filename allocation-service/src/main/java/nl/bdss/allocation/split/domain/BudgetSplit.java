package nl.bdss.allocation.split.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bdss.kernel.money.LargestRemainder;
import nl.bdss.kernel.money.LargestRemainder.Claim;

/**
 * Splits one period's amount, exact to the cent at every level (R7, R10, R11): amount, then domain shares, then
 * within ZVW the sector shares, then the insurers by their exact insured counts, then the payees (the main
 * contractor, or the sector's equal partners by their share). Every level uses the largest remainder.
 */
public final class BudgetSplit {

    /**
     * The claim of the non-participating insurers when shares are normalised over all insurers (R11). It sorts
     * after every UZOVI code (digits), so an equal remainder goes to a paying insurer first.
     */
    static final String UNFUNDED = "unfunded";

    private BudgetSplit() {
    }

    /** The lines of a period and the Zvw part no one pays; lines plus unfunded add up to the amount exactly. */
    public record PeriodSplit(List<AllocationLine> lines, long unfundedCents) {
    }

    public static List<AllocationLine> lines(ContractTerms terms, List<MarketShare> shares, long amountCents) {
        return split(terms, shares, 0, amountCents).lines();
    }

    /**
     * Splits a period's amount; with {@code unfundedInsuredCount > 0} (shares over all insurers) each sector's
     * amount is split over the participating insurers' counts and the non-participating count, and the latter
     * part is recorded as unfunded instead of becoming a line.
     */
    public static PeriodSplit split(ContractTerms terms, List<MarketShare> shares, long unfundedInsuredCount,
            long amountCents) {
        List<AllocationLine> lines = new ArrayList<>();
        long[] unfunded = {0};
        Map<LegalDomain, Long> perDomain = LargestRemainder.split(amountCents, claims(terms.domainShares()));
        perDomain.forEach((domain, domainAmount) -> {
            if (domain != LegalDomain.ZVW) {
                addIfPaid(lines, AllocationLine.recorded(domain, domainAmount));
                return;
            }
            Map<String, Long> perSector = LargestRemainder.split(domainAmount, claims(terms.sectorShares()));
            perSector.forEach((sector, sectorAmount) ->
                    unfunded[0] += insurers(terms, shares, unfundedInsuredCount, sector, sectorAmount, lines));
        });
        return new PeriodSplit(lines, unfunded[0]);
    }

    /** Adds the sector's lines per insurer and payee; returns the sector's unfunded part. */
    private static long insurers(ContractTerms terms, List<MarketShare> shares, long unfundedInsuredCount,
            String sector, long sectorAmount, List<AllocationLine> lines) {
        List<Claim<String>> claims = new ArrayList<>(shares.stream()
                .map(share -> new Claim<>(share.uzovi(),
                        shares.size() == 1 && unfundedInsuredCount == 0 ? 1 : share.insuredCount()))
                .toList());
        if (unfundedInsuredCount > 0) {
            claims.add(new Claim<>(UNFUNDED, unfundedInsuredCount));
        }
        Map<String, Long> perInsurer = new java.util.LinkedHashMap<>(LargestRemainder.split(sectorAmount, claims));
        Long unfunded = perInsurer.remove(UNFUNDED);
        perInsurer.forEach((uzovi, insurerAmount) -> payees(terms, sector, insurerAmount).forEach((partyKey, amount) ->
                addIfPaid(lines, new AllocationLine(LegalDomain.ZVW, sector, uzovi, partyKey,
                        terms.party(partyKey).map(Party::agb).orElse(null), amount))));
        return unfunded == null ? 0 : unfunded;
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
