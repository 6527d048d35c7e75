package quire.nlp;

/** One line of a project's pseudonym key: what was replaced and by what. For the project's owners only. */
public record Pseudonym(String surface, IdentifierKind kind, String pseudonym) {
}
