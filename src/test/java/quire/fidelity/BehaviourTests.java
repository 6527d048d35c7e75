package quire.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Names, keys and alias recognition of the behaviour codes and globals. */
final class BehaviourTests {

	@Test
	void parsesEveryManualNameShortNameAndAbbreviationIgnoringCase() {
		Map<String, Behaviour> aliases = Map.ofEntries(Map.entry("Giving Information", Behaviour.GI),
				Map.entry("GI", Behaviour.GI), Map.entry("Persuade", Behaviour.PERSUADE),
				Map.entry("Persuade with Permission", Behaviour.PWP), Map.entry("Persuade with", Behaviour.PWP),
				Map.entry("PwP", Behaviour.PWP), Map.entry("Question", Behaviour.Q), Map.entry("Q", Behaviour.Q),
				Map.entry("Simple Reflection", Behaviour.SR), Map.entry("SR", Behaviour.SR),
				Map.entry("Complex Reflection", Behaviour.CR), Map.entry("CR", Behaviour.CR),
				Map.entry("Affirm", Behaviour.AF), Map.entry("AF", Behaviour.AF),
				Map.entry("Seeking Collaboration", Behaviour.SEEK), Map.entry("Seek", Behaviour.SEEK),
				Map.entry("Emphasizing Autonomy", Behaviour.EMPH), Map.entry("Emphasize", Behaviour.EMPH),
				Map.entry("Emph", Behaviour.EMPH), Map.entry("Confront", Behaviour.CONFRONT));
		aliases.forEach((text, expected) -> {
			assertThat(Behaviour.parse(text)).as(text).contains(expected);
			assertThat(Behaviour.parse(text.toUpperCase())).as(text.toUpperCase()).contains(expected);
			assertThat(Behaviour.parse(text.toLowerCase())).as(text.toLowerCase()).contains(expected);
			assertThat(Behaviour.parse("  " + text + " ")).as("padded " + text).contains(expected);
		});
		assertThat(Behaviour.parse("complex_reflection")).contains(Behaviour.CR);
		assertThat(Behaviour.parse("persuade-with-permission")).contains(Behaviour.PWP);
		assertThat(Behaviour.parse("PERSUADE_WITH")).contains(Behaviour.PWP);
		assertThat(Behaviour.parse("Emphasising Autonomy")).contains(Behaviour.EMPH);
	}

	@Test
	void everyConstantParsesFromItsOwnNames() {
		for (Behaviour b : Behaviour.values()) {
			assertThat(Behaviour.parse(b.shortName())).contains(b);
			assertThat(Behaviour.parse(b.label())).contains(b);
			assertThat(Behaviour.parse(b.name())).contains(b);
		}
	}

	@Test
	void unknownTextIsEmpty() {
		assertThat(Behaviour.parse("")).isEmpty();
		assertThat(Behaviour.parse("   ")).isEmpty();
		assertThat(Behaviour.parse("Reflection")).isEmpty(); // simple or complex?
		assertThat(Behaviour.parse("Empathy")).isEmpty(); // a global, not a behaviour
		assertThat(Behaviour.parse("Session")).isEmpty();
	}

	@Test
	void shortNamesLabelsAndConsistencyFollowTheManual() {
		assertThat(Arrays.stream(Behaviour.values()).map(Behaviour::shortName))
				.containsExactly("GI", "Persuade", "PwP", "Q", "SR", "CR", "AF", "Seek", "Emph", "Confront");
		assertThat(Behaviour.CR.label()).isEqualTo("Complex Reflection");
		assertThat(Behaviour.SEEK.label()).isEqualTo("Seeking Collaboration");
		assertThat(Behaviour.EMPH.label()).isEqualTo("Emphasizing Autonomy");
		assertThat(Behaviour.PWP.label()).isEqualTo("Persuade with Permission");
		Set<Behaviour> adherent = Arrays.stream(Behaviour.values()).filter(b -> b.consistency().equals("MI-adherent"))
				.collect(Collectors.toSet());
		assertThat(adherent).containsExactlyInAnyOrder(Behaviour.AF, Behaviour.SEEK, Behaviour.EMPH);
		Set<Behaviour> nonAdherent = Arrays.stream(Behaviour.values())
				.filter(b -> b.consistency().equals("MI non-adherent")).collect(Collectors.toSet());
		assertThat(nonAdherent).containsExactlyInAnyOrder(Behaviour.PERSUADE, Behaviour.CONFRONT);
		assertThat(Behaviour.SR.consistency()).isEqualTo("reflection");
		assertThat(Behaviour.CR.consistency()).isEqualTo("reflection");
		assertThat(Behaviour.PWP.consistency()).isEqualTo("neutral");
		for (Behaviour b : Behaviour.values()) {
			assertThat(b.consistency()).isIn("neutral", "reflection", "MI-adherent", "MI non-adherent");
		}
	}

	@Test
	void keysAreDistinctLowerCaseLettersAndFindTheirBehaviour() {
		Set<Character> keys = new HashSet<>();
		for (Behaviour b : Behaviour.values()) {
			assertThat(Character.isLowerCase(b.key())).as(b.name()).isTrue();
			assertThat(keys.add(b.key())).as("key of " + b + " is unique").isTrue();
			assertThat(Behaviour.ofKey(b.key())).contains(b);
			assertThat(Behaviour.ofKey(Character.toUpperCase(b.key()))).contains(b);
		}
		assertThat(Behaviour.GI.key()).isEqualTo('g');
		assertThat(Behaviour.CR.key()).isEqualTo('c');
		assertThat(Behaviour.SEEK.key()).isEqualTo('k');
		assertThat(Behaviour.CONFRONT.key()).isEqualTo('f');
		assertThat(Behaviour.ofKey('z')).isEmpty();
	}

	@Test
	void globalsParseByNameShortNameAndAbbreviation() {
		assertThat(Global.parse("Cultivating Change Talk")).contains(Global.CULTIVATING_CHANGE_TALK);
		assertThat(Global.parse("cct")).contains(Global.CULTIVATING_CHANGE_TALK);
		assertThat(Global.parse("Softening Sustain Talk")).contains(Global.SOFTENING_SUSTAIN_TALK);
		assertThat(Global.parse("SST")).contains(Global.SOFTENING_SUSTAIN_TALK);
		assertThat(Global.parse("PARTNERSHIP")).contains(Global.PARTNERSHIP);
		assertThat(Global.parse(" empathy ")).contains(Global.EMPATHY);
		assertThat(Global.parse("softening_sustain_talk")).contains(Global.SOFTENING_SUSTAIN_TALK);
		assertThat(Global.parse("Emph")).isEmpty();
		assertThat(Global.parse("")).isEmpty();
		for (Global g : Global.values()) {
			assertThat(Global.parse(g.label())).contains(g);
			assertThat(Global.parse(g.shortName())).contains(g);
			assertThat(Global.parse(g.name())).contains(g);
		}
		assertThat(Global.CULTIVATING_CHANGE_TALK.shortName()).isEqualTo("CCT");
		assertThat(Global.SOFTENING_SUSTAIN_TALK.label()).isEqualTo("Softening Sustain Talk");
	}

	@Test
	void noNameIsBothAGlobalAndABehaviour() {
		for (Behaviour b : Behaviour.values()) {
			assertThat(Global.parse(b.label())).as(b.label()).isEmpty();
			assertThat(Global.parse(b.shortName())).as(b.shortName()).isEmpty();
		}
		for (Global g : Global.values()) {
			assertThat(Behaviour.parse(g.label())).as(g.label()).isEmpty();
			assertThat(Behaviour.parse(g.shortName())).as(g.shortName()).isEmpty();
		}
	}

	@Test
	void everyGlobalHasFiveDistinctAnchors() {
		for (Global g : Global.values()) {
			assertThat(g.anchors()).hasSize(5).doesNotHaveDuplicates().allSatisfy(a -> assertThat(a).isNotBlank());
			assertThat(g.anchor(1)).isEqualTo(g.anchors().get(0));
			assertThat(g.anchor(5)).isEqualTo(g.anchors().get(4));
		}
	}

}
