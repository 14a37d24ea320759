package nl.bdss.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class KernelIsPureTest {

    @Test
    void theKernelDependsOnNothingButTheJdk() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.apache.avro..", "java.sql..", "javax.sql..", "jakarta..", "com.fasterxml..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("nl.bdss.kernel"));
    }
}
