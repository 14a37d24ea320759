package nl.bdss.system.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The command: {@code system-tests/run.sh fault-injection [--seed N] [--contracts N] [--rounds N]
 * [--load-seconds N] [--long] [--no-registry-outage]}. Prints the seed first, every fault as it happens, the phase
 * timings and the invariants; exits 1 when any invariant failed (the message says how to replay the seed).
 */
public final class FaultInjection {

    private FaultInjection() {
    }

    public static void main(String[] args) {
        Long seed = null;
        Integer contracts = null;
        Integer rounds = null;
        Integer loadSeconds = null;
        boolean longForm = false;
        boolean registryOutage = true;
        Path repository = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--contracts" -> contracts = Integer.parseInt(value(args, ++i, "--contracts"));
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, "--rounds"));
                case "--load-seconds" -> loadSeconds = Integer.parseInt(value(args, ++i, "--load-seconds"));
                case "--long" -> longForm = true;
                case "--registry-outage" -> registryOutage = true; // the default now; kept for old command lines
                case "--no-registry-outage" -> registryOutage = false;
                case "--repo" -> repository = Path.of(value(args, ++i, "--repo"));
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; usage: system-tests/run.sh fault-injection [--seed N] [--contracts N] [--rounds N] [--load-seconds N] [--long] [--no-registry-outage]");
                    System.exit(2);
                }
            }
        }
        long chosen = seed != null ? seed : new SecureRandom().nextLong(1, 1_000_000_000L);
        Path root = (repository != null ? repository : findRepository()).toAbsolutePath().normalize();
        FaultInjectionRun.Options options = longForm
                ? FaultInjectionRun.Options.longForm(chosen, root) : FaultInjectionRun.Options.shortForm(chosen, root);
        if (contracts != null) {
            options = options.withContracts(contracts);
        }
        if (rounds != null) {
            options = options.withRounds(rounds);
        }
        if (loadSeconds != null) {
            options = options.withLoadWindow(Duration.ofSeconds(loadSeconds));
        }
        if (!registryOutage) {
            options = options.withoutRegistryOutage();
        }
        FaultInjectionRun.Report report = FaultInjectionRun.execute(options, System.out);
        System.exit(report.passed() ? 0 : 1);
    }

    /** The checkout: the working directory or the first parent with the {@code bdss} script and a pom. */
    static Path findRepository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("bdss")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the checkout, or pass --repo");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
