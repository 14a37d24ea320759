/**
 * The one problem vocabulary of every service (RFC 9457, {@code application/problem+json}): a {@code type} URN per
 * problem ({@code urn:bdss:problem:<name>}), {@code title}, {@code status}, {@code detail}, {@code instance} and,
 * where fields are involved, {@code errors[{field, rule, message}]}. Controllers, exception handlers and the
 * security filters all answer through {@link nl.bdss.problem.Problem}.
 */
package nl.bdss.problem;
