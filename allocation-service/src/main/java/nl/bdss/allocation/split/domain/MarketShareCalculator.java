package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.LargestRemainder;

/**
 * Market shares by the default basis of R11: each participating insurer's insureds in the service area on the
 * reference date, over the total of the participating insurers. PC6 counts add up into a PC4 area; a PC6 area
 * cannot be derived from PC4 counts. Non-participating insurers and postcodes outside the area do not count.
 * With the basis "over all insurers" ({@link Purchasing#INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS}) the
 * denominator is the insureds of every insurer in the area; the non-participating part stays unfunded.
 */
public final class MarketShareCalculator {

    private MarketShareCalculator() {
    }

    /** Single purchasing: the one insurer pays everything, no counts needed (R11). */
    public static MarketShareOutcome single(Uzovi insurer) {
        return MarketShareOutcome.complete(List.of(new MarketShare(insurer.code(), 0, BasisPoints.WHOLE)));
    }

    public static MarketShareOutcome noDataset(CountSource source, LocalDate referenceDate) {
        return MarketShareOutcome.pending("no insured counts delivered by " + source + " for reference date "
                + referenceDate + " (R11)");
    }

    public static MarketShareOutcome fromCounts(List<Uzovi> participating, List<Postcode> serviceArea,
            PostcodeLevel deliveredLevel, Collection<CountInArea> counts, CountSource source, LocalDate referenceDate) {
        return fromCounts(participating, serviceArea, deliveredLevel, counts, source, referenceDate, false);
    }

    public static MarketShareOutcome fromCounts(List<Uzovi> participating, List<Postcode> serviceArea,
            PostcodeLevel deliveredLevel, Collection<CountInArea> counts, CountSource source, LocalDate referenceDate,
            boolean overAllInsurers) {
        if (deliveredLevel == PostcodeLevel.PC4) {
            List<String> pc6 = serviceArea.stream().filter(p -> p.level() == PostcodeLevel.PC6).map(Postcode::value).sorted().toList();
            if (!pc6.isEmpty()) {
                return MarketShareOutcome.pending("service area postcodes " + pc6 + " are PC6 but " + source
                        + " delivered PC4 counts for " + referenceDate + ": PC6 counts cannot be derived from PC4 (R11)");
            }
        }
        Map<Uzovi, Long> perInsurer = new TreeMap<>();
        Map<String, Map<Postcode, Long>> perInsurerAndArea = new TreeMap<>();
        List<Postcode> areaInOrder = serviceArea.stream().distinct().sorted().toList();
        long nonParticipating = 0;
        for (CountInArea count : counts) {
            // the sorted area lists a PC4 before its PC6 postcodes: a row lying in both counts once, under the PC4
            Postcode area = areaInOrder.stream().filter(a -> a.contains(count.postcode())).findFirst().orElse(null);
            if (area == null) {
                continue;
            }
            if (participating.contains(count.uzovi())) {
                perInsurer.merge(count.uzovi(), count.insuredCount(), Math::addExact);
                perInsurerAndArea.computeIfAbsent(count.uzovi().code(), u -> new TreeMap<>())
                        .merge(area, count.insuredCount(), Math::addExact);
            } else {
                nonParticipating = Math.addExact(nonParticipating, count.insuredCount());
            }
        }
        long unfunded = overAllInsurers ? nonParticipating : 0;
        List<String> missing = participating.stream().filter(u -> !perInsurer.containsKey(u)).map(Uzovi::code).sorted().toList();
        if (!missing.isEmpty()) {
            return MarketShareOutcome.pending("no insured counts for UZOVI " + String.join(", ", missing)
                    + " in the service area on " + referenceDate + " from " + source + " (R11)");
        }
        if (perInsurer.values().stream().mapToLong(Long::longValue).sum() == 0) {
            return MarketShareOutcome.pendingWithoutInsureds("the participating insurers have no insureds in the "
                    + "service area on " + referenceDate + " (R11)", perInsurer.keySet().stream().map(Uzovi::code).toList());
        }
        List<LargestRemainder.Claim<String>> claims = new ArrayList<>();
        perInsurer.forEach((uzovi, count) -> claims.add(new LargestRemainder.Claim<>(uzovi.code(), count)));
        if (unfunded > 0) {
            claims.add(new LargestRemainder.Claim<>(BudgetSplit.UNFUNDED, unfunded));
        }
        Map<String, Long> basisPoints = LargestRemainder.split(BasisPoints.WHOLE, claims);
        List<MarketShare> shares = new ArrayList<>();
        perInsurer.forEach((uzovi, count) -> shares.add(new MarketShare(uzovi.code(), count,
                basisPoints.get(uzovi.code()).intValue())));
        List<ServiceAreaCount> serviceAreaCounts = new ArrayList<>();
        perInsurerAndArea.forEach((uzovi, perArea) -> perArea.forEach((area, count) ->
                serviceAreaCounts.add(new ServiceAreaCount(uzovi, area.value(), count))));
        return MarketShareOutcome.fromCounts(shares, unfunded, serviceAreaCounts);
    }
}
