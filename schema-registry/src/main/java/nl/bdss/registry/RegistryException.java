package nl.bdss.registry;

/** An error in Confluent's shape: HTTP status plus {@code error_code} and {@code message}. */
final class RegistryException extends RuntimeException {

    final int status;
    final int errorCode;

    RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound() {
        return new RegistryException(404, 40402, "Version not found.");
    }

    static RegistryException schemaNotFound(String detail) {
        return new RegistryException(404, 40403, "Schema " + detail + " not found");
    }

    static RegistryException invalidSchema(String detail) {
        return new RegistryException(422, 42201, "Invalid schema " + detail);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202,
                "The specified version '" + version + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(422, 42203, "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive; got " + level);
    }
}
