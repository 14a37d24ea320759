package nl.bdss.settlement;

import nl.bdss.testsupport.architecture.ServiceArchitectureTest;

/** The layering every service holds (pure domain, ports in application, adapters at the edge), for settlement. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("nl.bdss.settlement");
    }
}
