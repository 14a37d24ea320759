package nl.bdss.allocation;

import nl.bdss.testsupport.architecture.ServiceArchitectureTest;

/** The layering every service holds, for the allocation service's features (counts, split). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("nl.bdss.allocation");
    }
}
