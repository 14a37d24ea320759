package nl.bdss.contract;

import nl.bdss.testsupport.architecture.ServiceArchitectureTest;

/** The layering every service holds: a pure domain, use cases behind ports, adapters at the edge. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("nl.bdss.contract");
    }
}
