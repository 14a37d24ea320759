package nl.bdss.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The domain core is plain Java: no Spring, persistence, Kafka, Avro, Jackson or generated event classes. */
class DomainPurityTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.bdss.contract");

    @Test
    void domainDependsOnNoFrameworkOrEventClass() {
        ArchRule rule = noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.apache.kafka..", "org.apache.avro..",
                        "nl.bdss.events..", "nl.bdss.messaging..", "tools.jackson..", "com.fasterxml.jackson..",
                        "java.sql..", "jakarta.servlet..");
        rule.check(SERVICE);
    }

    @Test
    void domainDependsOnNoOuterLayer() {
        ArchRule rule = noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..web..", "..persistence..",
                        "..messaging..");
        rule.check(SERVICE);
    }
}
