package quire.fidelity;

/** Identifies an MI session of a project. */
public record MitiSessionId(long value) {
}
