/**
 * The shared kernel: the money, identifier and disclosure rules of the domain, written once and used by every service.
 *
 * <ul>
 *   <li>{@code money}: {@link nl.bdss.kernel.money.Money} (euro cents, {@code long}, overflow-safe),
 *       {@link nl.bdss.kernel.money.BasisPoints}, the exact {@link nl.bdss.kernel.money.LargestRemainder} split
 *       (R7, R11) and the VAT part of an amount, {@link nl.bdss.kernel.money.Vat} (R10).</li>
 *   <li>{@code identity}: {@link nl.bdss.kernel.identity.Uzovi}, {@link nl.bdss.kernel.identity.AgbCode} and
 *       {@link nl.bdss.kernel.identity.Postcode} (R1, R6); the bank identifiers {@link nl.bdss.kernel.identity.Iban}
 *       (ISO 13616, MOD 97-10) and {@link nl.bdss.kernel.identity.Bic} (issue 16).</li>
 *   <li>{@code time}: {@link nl.bdss.kernel.time.Period}, the calendar grid of {@link nl.bdss.kernel.time.PeriodKind},
 *       pro-rating by days ({@link nl.bdss.kernel.time.ProRata}), instalments of a budget period
 *       ({@link nl.bdss.kernel.time.PaymentSchedule}) and the {@link nl.bdss.kernel.time.ExperimentWindow}
 *       (R8, R14).</li>
 *   <li>{@code privacy}: the small-cell rule {@link nl.bdss.kernel.privacy.SmallCells} (issue 14): what an insurer
 *       or provider is not shown because it rests on too few insureds or contracts.</li>
 * </ul>
 *
 * <p>Pure Java: nothing from Spring, Kafka, Avro or JDBC, so every layer of every service may use it.
 */
package nl.bdss.kernel;
