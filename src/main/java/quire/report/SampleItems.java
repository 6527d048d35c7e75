package quire.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import quire.corpus.GroupKind;
import quire.corpus.SpeakerRoles;
import quire.report.CoreqChecklist.Filled;
import quire.report.CoreqChecklist.Person;
import quire.report.CoreqChecklist.Session;

/**
 * The COREQ items about the qualitative sample (12 sample size, 16 description of the sample, 18
 * repeat participation), counted from the sessions' speakers: who leads a session, who takes part,
 * and who is one person across sessions (a role label is one person per session, never across them).
 */
final class SampleItems {

	private SampleItems() {
	}

	/** How many people took part in the sessions: a role label is one person per session, a name one person overall. */
	static int people(List<Session> sessions) {
		Set<String> people = new HashSet<>();
		sessions.forEach(s -> participants(s).forEach(p -> people.add(s.person(p).key())));
		return people.size();
	}

	/** Participants of a session: its speakers who do not lead it. */
	static List<String> participants(Session s) {
		return s.speakers().stream().filter(l -> !leads(l)).toList();
	}

	/**
	 * Whether a speaker of a focus group or interview leads it: a facilitator's label
	 * ({@link SpeakerRoles#isFacilitator}) without a number. A numbered label names a participant
	 * ("MI Caseworker 2", "Saksbehandler 5"): caseworkers counsel in MI sessions but are the
	 * participants of the focus groups about them.
	 */
	static boolean leads(String label) {
		return SpeakerRoles.isFacilitator(label) && label.chars().noneMatch(Character::isDigit);
	}

	/** Items 12 and 16: the qualitative sample, a role label counted as one person per session. */
	static void sample(List<Session> sessions, List<String> evidence, Map<Integer, Filled> data) {
		if (sessions.isEmpty()) {
			data.put(12, Filled.cannot("The project has no focus group or interview in its qualitative strand, so the sample size cannot be counted.", List.of()));
			return;
		}
		Set<String> named = new LinkedHashSet<>();
		int byRole = 0;
		int n = people(sessions);
		List<String> lines = new ArrayList<>(evidence);
		Map<String, List<Session>> groups = new LinkedHashMap<>();
		for (Session s : sessions) {
			groups.computeIfAbsent(s.group() == null ? s.name() : s.group(), k -> new ArrayList<>()).add(s);
			for (String p : participants(s)) {
				if (SpeakerRoles.isRole(p)) {
					byRole++;
				}
				else {
					named.add(p);
				}
			}
			lines.add(s.name() + ": participants " + Prose.list(participants(s)) + "; led by "
					+ Prose.list(s.speakers().stream().filter(SampleItems::leads).toList()));
		}
		data.put(12, Filled.of(Prose.sentence(Prose.countStart(n, "participant", "participants") + " took part in "
				+ Prose.count(sessions.size(), "qualitative data-collection session", "qualitative data-collection sessions")
				+ (byRole > 0 ? " (a speaker named by role counted as one person in each session)" : "")), lines));
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, List<Session>> g : groups.entrySet()) {
			Set<String> people = new LinkedHashSet<>();
			g.getValue().forEach(s -> participants(s).forEach(p -> people.add(s.person(p).key() + "\u0000" + p)));
			Map<String, List<String>> byStem = new LinkedHashMap<>();
			people.stream().map(p -> p.substring(p.indexOf('\u0000') + 1)).distinct()
				.forEach(p -> byStem.computeIfAbsent(Prose.stem(p).strip(), k -> new ArrayList<>()).add(p));
			GroupKind kind = g.getValue().getFirst().kind();
			parts.add(g.getKey() + " (" + Prose.count(g.getValue().size(), kind.label(1), kind.label(2)) + "): "
					+ Prose.count(people.size(), "participant", "participants") + (people.isEmpty() ? ""
							: ", " + Prose.list(byStem.values().stream().map(Prose::labels).toList())));
		}
		data.put(16, Filled.of("The qualitative sample by group: " + String.join("; ", parts) + ".", lines));
	}

	/** Item 18: people (not role labels) who took part in more than one qualitative session. */
	static void repeat(List<Session> sessions, List<String> evidence, Map<Integer, Filled> data) {
		if (sessions.isEmpty()) {
			return;
		}
		Map<String, Integer> sessionsPerPerson = new TreeMap<>();
		Map<String, Person> byKey = new HashMap<>();
		int roleSpeakers = 0;
		for (Session s : sessions) {
			for (String p : participants(s)) {
				Person person = s.person(p);
				if (!person.identifiable()) {
					roleSpeakers++;
				}
				else {
					byKey.merge(person.key(), person,
							(a, b) -> new Person(a.key(), a.label(), true, a.proposed() || b.proposed()));
					sessionsPerPerson.merge(person.key(), 1, Integer::sum);
				}
			}
		}
		Map<String, Integer> named = new TreeMap<>();
		sessionsPerPerson.forEach((key, n) -> named.merge(byKey.get(key).label(), n, Integer::sum));
		long proposedRepeats = sessionsPerPerson.entrySet().stream().filter(e -> e.getValue() > 1 && byKey.get(e.getKey()).proposed()).count();
		List<String> lines = new ArrayList<>(evidence);
		List<String> more = named.entrySet().stream().filter(e -> e.getValue() > 1)
			.map(e -> e.getKey() + " (" + Prose.count(e.getValue(), "session", "sessions") + ")").toList();
		lines.add("People who can be recognised across sessions (named, or linked to a participant by a researcher): "
				+ named.size() + (named.isEmpty() ? "" : more.isEmpty() ? ", each in one session" : "; in more than one session: "
						+ String.join(", ", more)));
		if (proposedRepeats > 0) {
			lines.add("Of those in more than one session, " + proposedRepeats + " rest on same-label links not yet reviewed on the Participants page");
		}
		lines.add("Speakers named by role, one person per session, not counted across sessions: " + roleSpeakers);
		String of = Prose.count(sessions.size(), "qualitative data-collection session", "qualitative data-collection sessions");
		if (sessionsPerPerson.isEmpty()) {
			data.put(18, Filled.cannot("The transcripts of the " + of + " name their speakers by role only, so whether anyone took part "
					+ "in more than one session cannot be counted from them.", lines));
			return;
		}
		List<String> repeated = sessionsPerPerson.entrySet().stream().filter(e -> e.getValue() > 1)
			.map(e -> byKey.get(e.getKey()).label() + " (" + Prose.number(e.getValue()) + ")").toList();
		String caveat = proposedRepeats == 0 ? ""
				: " " + Prose.sentence(Prose.countStart(proposedRepeats, "of them rests", "of them rest")
						+ " on a speaker label that Quire proposed as the same person and nobody has reviewed yet");
		data.put(18, Filled.of(repeated.isEmpty() ? "No participant named in the transcripts or linked by a researcher took part in more than one of the " + of + "."
				: Prose.sentence(Prose.countStart(repeated.size(), "participant", "participants") + " took part in more than one of the " + of
						+ ": " + Prose.list(repeated)) + caveat, lines));
	}

}
