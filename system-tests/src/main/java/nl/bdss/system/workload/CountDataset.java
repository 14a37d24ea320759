package nl.bdss.system.workload;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * One delivery of insured counts: per insurer and PC4 postcode, on one reference date, from one source. A delivery
 * replaces the source's dataset for that reference date as a whole (R11).
 */
public record CountDataset(String source, LocalDate referenceDate, Map<String, Map<String, Long>> countsByInsurer) {

    public CountDataset {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        countsByInsurer.forEach((uzovi, perPostcode) -> copy.put(uzovi, Map.copyOf(perPostcode)));
        countsByInsurer = Map.copyOf(copy);
    }

    /** The insurer's insureds in the area; -1 when the dataset has no row at all for it there. */
    public long insuredIn(String uzovi, Collection<String> area) {
        Map<String, Long> perPostcode = countsByInsurer.getOrDefault(uzovi, Map.of());
        long total = 0;
        boolean any = false;
        for (String postcode : area) {
            Long count = perPostcode.get(postcode);
            if (count != null) {
                total += count;
                any = true;
            }
        }
        return any ? total : -1;
    }

    public boolean covers(Collection<String> insurers, Collection<String> area) {
        return insurers.stream().allMatch(uzovi -> insuredIn(uzovi, area) > 0);
    }

    public String csv() {
        StringBuilder csv = new StringBuilder("uzovi,postcode,referenceDate,insuredCount\n");
        new TreeMap<>(countsByInsurer).forEach((uzovi, perPostcode) -> new TreeMap<>(perPostcode).forEach(
                (postcode, count) -> csv.append(uzovi).append(',').append(postcode).append(',').append(referenceDate)
                        .append(',').append(count).append('\n')));
        return csv.toString();
    }

    public String label() {
        return source + "@" + referenceDate;
    }
}
