package nl.bdss.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs from a main's arguments; unknown names are refused so typos do not pass silently. */
final class CommandLineOptions {

    private final Map<String, String> values = new HashMap<>();

    private CommandLineOptions() {
    }

    static CommandLineOptions parse(String[] args, String... knownNames) {
        CommandLineOptions options = new CommandLineOptions();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of(knownNames).contains(name)) {
                throw new IllegalArgumentException("Unknown option " + name + "; known options: " + String.join(", ", knownNames));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            }
            options.values.put(name, args[++i]);
        }
        return options;
    }

    int port(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), was '" + value + "'");
        }
    }

    Path path(String name, String fallback) {
        return Path.of(values.getOrDefault(name, fallback)).toAbsolutePath().normalize();
    }
}
