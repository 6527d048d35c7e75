package quire.corpus;

/** A participant (case) of a project, created from a speaker label, with how many turns they speak. */
public record Participant(long id, String label, int turns) {
}
