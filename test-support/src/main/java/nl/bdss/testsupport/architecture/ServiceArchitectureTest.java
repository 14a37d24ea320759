package nl.bdss.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The layering every service holds, written once. A service's {@code ArchitectureTest} extends this class and names
 * its base package ({@code nl.bdss.settlement}); features are its sub-packages ({@code nl.bdss.settlement.settling})
 * with {@code domain}, {@code application} and the adapters {@code web}, {@code persistence} and {@code messaging}.
 *
 * <ul>
 *   <li>domain is pure Java: no framework, no wire format, no database, no other layer;</li>
 *   <li>application (use cases and their ports) does not depend on web, persistence or messaging, nor on JDBC,
 *       Kafka or the Avro events: it reads, stores and publishes through ports those adapters implement;</li>
 *   <li>web talks to application, never to persistence or JDBC;</li>
 *   <li>controllers live in web, JDBC in persistence, Kafka and the Avro events in messaging (or the service's
 *       root package, where the application's configuration is);</li>
 *   <li>feature slices are free of cycles.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private static final String[] FRAMEWORKS = {"org.springframework..", "jakarta..", "javax.sql..", "java.sql..",
            "org.apache.kafka..", "org.apache.avro..", "tools.jackson..", "com.fasterxml..", "nl.bdss.events..",
            "nl.bdss.messaging..", "nl.bdss.security..", "nl.bdss.problem.."};
    private static final String[] WIRE_AND_STORAGE = {"org.springframework.jdbc..", "java.sql..", "javax.sql..",
            "org.apache.kafka..", "org.springframework.kafka..", "org.apache.avro..", "nl.bdss.events..",
            "nl.bdss.messaging.."};

    private final String basePackage;
    private JavaClasses imported;

    protected ServiceArchitectureTest(String basePackage) {
        this.basePackage = basePackage;
    }

    private JavaClasses imported() {
        if (imported == null) {
            imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(basePackage);
        }
        return imported;
    }

    private String layer(String name) {
        return basePackage + ".." + name + "..";
    }

    @Test
    void domainIsPureJava() {
        noClasses().that().resideInAPackage(layer("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage(layer("application"), layer("web"),
                        layer("persistence"), layer("messaging"))
                .because("the domain holds the rules and nothing else (STYLE: pure domain)")
                .check(imported());
    }

    @Test
    void applicationDependsOnNoAdapter() {
        noClasses().that().resideInAPackage(layer("application"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("web"), layer("persistence"), layer("messaging"))
                .orShould().dependOnClassesThat().resideInAnyPackage(WIRE_AND_STORAGE)
                .because("use cases read, store and publish through their ports")
                .check(imported());
    }

    @Test
    void webDoesNotReachIntoPersistence() {
        noClasses().that().resideInAPackage(layer("web"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("persistence"), layer("messaging"))
                .orShould().dependOnClassesThat().resideInAnyPackage(WIRE_AND_STORAGE)
                .because("web talks to application, not to repositories")
                .check(imported());
    }

    @Test
    void controllersLiveInWeb() {
        classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should().resideInAPackage(layer("web"))
                .check(imported());
    }

    @Test
    void jdbcLivesInPersistence() {
        noClasses().that().resideOutsideOfPackages(layer("persistence"), basePackage)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .because("storing and reading is the persistence adapter's job")
                .check(imported());
    }

    @Test
    void kafkaAndTheAvroEventsLiveInMessaging() {
        noClasses().that().resideOutsideOfPackages(layer("messaging"), basePackage)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "nl.bdss.events..")
                .because("events on the wire are mapped in the messaging adapter (STYLE: events)")
                .check(imported());
    }

    @Test
    void featureSlicesAreFreeOfCycles() {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(imported());
    }
}
