package quire.corpus;

import java.util.Locale;
import java.util.Optional;

/** The language of a document, which chooses its analysis in search and NLP. */
public enum Language {

	ENGLISH("en", "English"), NORWEGIAN("no", "Norwegian");

	private final String code;

	private final String label;

	Language(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The short code used on the command line and in storage: {@code en} or {@code no}. */
	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** Reads a code or name such as {@code en}, {@code no}, {@code nb}, {@code nn}, {@code English}. */
	public static Optional<Language> parse(String value) {
		String v = value.trim().toLowerCase(Locale.ROOT);
		return switch (v) {
			case "en", "eng", "english" -> Optional.of(ENGLISH);
			case "no", "nb", "nn", "nor", "nob", "nno", "norwegian", "norsk" -> Optional.of(NORWEGIAN);
			default -> Optional.empty();
		};
	}

}
