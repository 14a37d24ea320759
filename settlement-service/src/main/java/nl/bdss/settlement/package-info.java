/**
 * settlement-service: pays each insurer's part of a contract's Zvw lump sum to the payees, per period, outside the
 * per-insured claims flow (R8, R10), and books it in a double-entry ledger.
 * <p>
 * No deductible, no per-insured claim (R8, R16): nothing in this service (tables, domain model, REST resources
 * or the SettlementBooked event) has a field for an insured person or a deductible (eigen risico). A lump sum is
 * owed per (contract, period, insurer, payee, sector) and can never reach an individual insured's claim.
 * <p>
 * Features: {@code settling} (allocations in, lump sums and corrections out, period close, scheduler),
 * {@code payments} (the insurers' back office and the payees' view), {@code ledger} (postings and invariants),
 * {@code bankaccounts} (the payees' and insurers' accounts with their revisions),
 * {@code riskequalisation} (R19 attribution), {@code privacy} (the small-cell rule for what insurers and providers
 * are shown); each with {@code domain}, {@code application} (use cases and the ports they read, store and publish
 * through) and the adapters {@code web}, {@code persistence}, {@code messaging}.
 * Shared by the features: {@code application} (the use cases' refusals) and {@code web} (who may call what, the
 * refusals as problems, request field checks).
 */
package nl.bdss.settlement;
