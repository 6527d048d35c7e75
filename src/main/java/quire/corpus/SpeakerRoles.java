package quire.corpus;

import java.util.Locale;
import java.util.Set;

/**
 * The one list of speaker labels that name a role rather than a person ("Moderator", "Client",
 * "Sick-listed worker", "Participant 3", "Intervjuer", "P2"). A role label names a different person in
 * each document unless a researcher links it, it is never a name to de-identify, and it is never
 * counted as a person across documents. Importers, participant linking, de-identification and the
 * COREQ report all ask this class, so that they cannot disagree.
 */
public final class SpeakerRoles {

	/** Words that, anywhere in a label, make it a role (English and Norwegian, lower case). */
	private static final Set<String> ROLE_WORDS = Set.of("moderator", "co-moderator", "comoderator", "interviewer",
			"interviewee", "facilitator", "co-facilitator", "participant", "respondent", "informant", "caseworker",
			"case-worker", "counsellor", "counselor", "client", "patient", "therapist", "clinician", "researcher",
			"observer", "note-taker", "notetaker", "speaker", "unknown", "all", "several", "coach", "worker",
			"employee", "employer", "colleague", "manager", "leader", "supervisor", "mi", "sick-listed", "member", "user", "relative", "woman", "man", "female", "male", "person", "audience", "group",
			"intervjuer", "saksbehandler", "deltaker", "deltakar", "veileder", "rettleiar", "ordstyrer", "bruker",
			"brukar", "pasient", "klient", "forsker", "forskar", "observatør", "fasilitator", "sykmeldt", "sjukmeld",
			"arbeidstaker", "arbeidsgiver", "arbeidsgjevar", "ansatt", "leder", "leiar", "kollega", "kvinne", "mann",
			"alle", "flere", "fleire", "ukjent", "taler");

	/** Roles whose speaker leads the data collection (moderates, interviews or counsels). */
	private static final Set<String> FACILITATOR_WORDS = Set.of("moderator", "co-moderator", "comoderator",
			"interviewer", "facilitator", "co-facilitator", "researcher", "counsellor", "counselor", "therapist",
			"clinician", "caseworker", "case-worker", "intervjuer", "ordstyrer", "fasilitator", "forsker", "forskar",
			"veileder", "rettleiar", "saksbehandler");

	private SpeakerRoles() {
	}

	/**
	 * Whether a speaker label names a role, not a person: it contains a role word ("Sick-listed
	 * worker", "MI Caseworker 1"), is a participant code ("P3", "FG1-P2") or carries a number
	 * ("Speaker 2").
	 */
	public static boolean isRole(String label) {
		String l = label.strip();
		if (l.isEmpty()) {
			return false;
		}
		if (l.chars().anyMatch(Character::isDigit)) {
			return true;
		}
		for (String word : words(l)) {
			if (ROLE_WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a single word is a role word ("moderator", "Klient"), whatever its case. */
	public static boolean isRoleWord(String word) {
		return ROLE_WORDS.contains(word.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether a label names the person who leads the data collection: a moderator, interviewer,
	 * facilitator, researcher or counsellor.
	 */
	public static boolean isFacilitator(String label) {
		for (String word : words(label)) {
			if (FACILITATOR_WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private static String[] words(String label) {
		return label.strip().toLowerCase(Locale.ROOT).replaceAll("[()\\[\\]:,]", " ").split("[\\s/]+");
	}

}
