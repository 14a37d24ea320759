package nl.bdss.security.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Switches security on in a {@code @SpringBootTest} and points it at {@link TestTokenIssuer#get()}: sets
 * {@code bdss.security.enabled=true}, {@code bdss.security.issuer-uri} and {@code bdss.security.jwk-set-uri} ahead of
 * every other property source.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UsesTestTokenIssuer {
}
