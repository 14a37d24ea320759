package nl.bdss.messaging.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Avro (1.12.1+) refuses to load classes by name unless they are trusted. Our generated event classes
 * live under {@value #EVENTS_PACKAGE}; trusting that package (on top of Avro's defaults) lets the specific
 * reader build them, without opening the door to arbitrary classes named by a writer schema.
 */
public final class TrustedEventClasses {

    static final String EVENTS_PACKAGE = "nl.bdss.events.";
    private static volatile boolean trusted;

    private TrustedEventClasses() {
    }

    public static void trust() {
        if (trusted) {
            return;
        }
        synchronized (TrustedEventClasses.class) {
            if (!trusted) {
                ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
                        type -> type.getName().startsWith(EVENTS_PACKAGE)));
                trusted = true;
            }
        }
    }

    static Class<?> generatedClassFor(String fullName) {
        if (!fullName.startsWith(EVENTS_PACKAGE)) {
            throw new SerializationException("Schema " + fullName + " is not one of ours (" + EVENTS_PACKAGE + "*)");
        }
        try {
            return Class.forName(fullName, true, TrustedEventClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SerializationException("No generated class for schema " + fullName, e);
        }
    }
}
