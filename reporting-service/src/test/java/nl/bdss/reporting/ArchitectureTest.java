package nl.bdss.reporting;

import nl.bdss.testsupport.architecture.ServiceArchitectureTest;

/** The layering every service holds (pure domain, ports in application, adapters around them), for reporting. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("nl.bdss.reporting");
    }
}
