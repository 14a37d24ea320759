package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A snapshot of the Zvw sector register as the operator keeps it (R7), taken when a document is checked: the use case
 * reads it and hands it to {@link ContractRules} as a value, so the rules stay pure and a sector added a minute ago
 * counts for the next contract.
 */
public record ZvwSectorRegister(Map<ZvwSector, RegisteredZvwSector> sectors) {

    public ZvwSectorRegister {
        sectors = Map.copyOf(sectors);
    }

    public static ZvwSectorRegister of(Collection<RegisteredZvwSector> entries) {
        return new ZvwSectorRegister(entries.stream()
                .collect(Collectors.toMap(RegisteredZvwSector::sector, Function.identity())));
    }

    public Optional<RegisteredZvwSector> find(String code) {
        return ZvwSector.isValidCode(code) ? Optional.ofNullable(sectors.get(new ZvwSector(code))) : Optional.empty();
    }

    /** The macro-budget sectors valid on {@code day}, by code: what a new contract may name. */
    public String macroBudgetSectorsOn(LocalDate day) {
        return sectors.values().stream().filter(RegisteredZvwSector::macroBudgetSector)
                .filter(entry -> day == null || entry.isValidOn(day))
                .map(entry -> entry.sector().code())
                .collect(Collectors.toCollection(TreeSet::new)).toString();
    }
}
