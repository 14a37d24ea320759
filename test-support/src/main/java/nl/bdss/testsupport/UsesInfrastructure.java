package nl.bdss.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring Boot test's context at the shared real infrastructure ({@link Infrastructure#get()}):
 * datasource (the named database), Kafka and the schema registry.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UsesInfrastructure {

    /** The service's database name. */
    String database();
}
