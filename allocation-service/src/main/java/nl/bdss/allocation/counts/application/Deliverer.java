package nl.bdss.allocation.counts.application;

/**
 * Who delivers insured counts: the authenticated client from the token (null only when security is switched off),
 * which decides who may read the delivery later, and a free label the deliverer chose (e.g. a file or batch name).
 */
public record Deliverer(String label, String clientId) {
}
