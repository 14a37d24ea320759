package nl.bdss.allocation.split.domain;

import java.time.LocalDate;

/** A calendar period within the contract's validity (both ends inclusive) and its part of the lump sum. */
public record SettlementPeriod(LocalDate start, LocalDate end, long amountCents) {
}
