package quire.coding.internal.qdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The RE-AIM codebook Quire ships ({@code codebooks/re-aim.qdc}): it reads, validates against the schema, has the
 * five dimensions with their sub-codes, descriptions Quire can parse back, and the sets that carry Quire's code
 * attributes.
 */
final class ReAimCodebookTests {

	private static final Map<String, List<String>> DIMENSIONS = new LinkedHashMap<>();

	static {
		DIMENSIONS.put("Reach", List.of("Late contact in the sick-leave spell", "Early, proactive contact"));
		DIMENSIONS.put("Effectiveness", List.of("Sick-listed workers feel heard", "No visible effect on return to work"));
		DIMENSIONS.put("Adoption", List.of("MI seen as useful", "MI difficult to master", "Good training",
				"Conflict with the gatekeeper role"));
		DIMENSIONS.put("Implementation", List.of("Time and caseload pressure", "Management support",
				"Few chances to practise", "Feedback on recorded sessions", "Documentation systems do not fit",
				"Meeting setting and channel"));
		DIMENSIONS.put("Maintenance", List.of("Need for continued practice", "Sliding back to old habits",
				"Dependence on enthusiasts", "MI becoming routine practice"));
	}

	private static final List<String> BARRIERS = List.of("Late contact in the sick-leave spell",
			"No visible effect on return to work", "MI difficult to master", "Conflict with the gatekeeper role",
			"Time and caseload pressure", "Few chances to practise", "Documentation systems do not fit",
			"Sliding back to old habits", "Dependence on enthusiasts");

	private static final List<String> FACILITATORS = List.of("Early, proactive contact",
			"Sick-listed workers feel heard", "MI seen as useful", "Good training", "Management support",
			"Feedback on recorded sessions", "Need for continued practice", "MI becoming routine practice");

	/** A definition paragraph, a blank line, then one-line Include, Exclude and Example entries. */
	private static final Pattern LAYOUT = Pattern
			.compile("[^\\n]+\\n\\n(Include: [^\\n]+\\n)?(Exclude: [^\\n]+\\n)?(Example: [^\\n]+)");

	private final QdcCodebook book = Samples.reAim();

	private Map<String, QdcCode> byName() {
		Map<String, QdcCode> byName = new LinkedHashMap<>();
		book.allCodes().forEach(code -> byName.put(code.name(), code));
		return byName;
	}

	private List<String> members(String setName) {
		Map<String, String> names = new LinkedHashMap<>();
		book.allCodes().forEach(code -> names.put(code.guid(), code.name()));
		return book.sets().stream().filter(set -> set.name().equals(setName)).findFirst().orElseThrow()
				.memberCodeGuids().stream().map(names::get).toList();
	}

	@Test
	void readsWithQuireAsOriginAndTheFiveDimensionsWithTheirSubCodes() {
		assertThat(book.origin()).isEqualTo("Quire");
		assertThat(book.codes()).extracting(QdcCode::name).containsExactlyElementsOf(DIMENSIONS.keySet());
		for (QdcCode dimension : book.codes()) {
			assertThat(dimension.children()).extracting(QdcCode::name).as(dimension.name())
					.containsExactlyElementsOf(DIMENSIONS.get(dimension.name()));
			assertThat(dimension.children()).allSatisfy(sub -> assertThat(sub.children()).isEmpty());
		}
		assertThat(book.allCodes()).hasSize(23).allSatisfy(code -> assertThat(code.codable()).isTrue());
	}

	@Test
	void validatesAgainstTheCodebookSchema() {
		assertThatCode(() -> CodebookSchema.validate(Samples.reAimBytes())).doesNotThrowAnyException();
	}

	@Test
	void writesLowerCaseGuidsAsInTheFile() {
		String file = new String(Samples.reAimBytes(), java.nio.charset.StandardCharsets.UTF_8);

		assertThat(book.allCodes()).allSatisfy(code -> assertThat(file).contains("guid=\"" + code.guid() + "\""));
		assertThat(book.sets()).allSatisfy(set -> assertThat(file).contains("guid=\"" + set.guid() + "\""));
	}

	@Test
	void everyCodeHasADescriptionInTheLayoutQuireParses() {
		assertThat(book.allCodes()).allSatisfy(code -> {
			assertThat(code.description()).as(code.name()).isNotNull();
			assertThat(code.description()).as(code.name()).matches(LAYOUT);
			assertThat(code.description().split("\n")[0]).as(code.name()).hasSizeGreaterThan(80);
		});
	}

	@Test
	void eachDimensionHasItsOwnColourAndItsSubCodesDifferentShades() {
		Set<String> colours = new HashSet<>();
		for (QdcCode dimension : book.codes()) {
			assertThat(dimension.color()).as(dimension.name()).isNotNull();
			assertThat(colours.add(dimension.color())).as("distinct colour for " + dimension.name()).isTrue();
			for (QdcCode sub : dimension.children()) {
				assertThat(sub.color()).as(sub.name()).isNotNull();
				assertThat(colours.add(sub.color())).as("distinct colour for " + sub.name()).isTrue();
			}
		}
	}

	@Test
	void dimensionSetsHoldTheDimensionAndAllItsSubCodes() {
		for (Map.Entry<String, List<String>> dimension : DIMENSIONS.entrySet()) {
			List<String> expected = new java.util.ArrayList<>();
			expected.add(dimension.getKey());
			expected.addAll(dimension.getValue());
			assertThat(members("RE-AIM: " + dimension.getKey())).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void barrierFacilitatorAndDeductiveSetsHoldTheRightCodes() {
		assertThat(book.sets()).extracting(QdcSet::name).containsExactly("RE-AIM: Reach", "RE-AIM: Effectiveness",
				"RE-AIM: Adoption", "RE-AIM: Implementation", "RE-AIM: Maintenance", "Barrier", "Facilitator",
				"Deductive");
		assertThat(members("Barrier")).containsExactlyInAnyOrderElementsOf(BARRIERS);
		assertThat(members("Facilitator")).containsExactlyInAnyOrderElementsOf(FACILITATORS);
		assertThat(members("Deductive")).containsExactlyInAnyOrderElementsOf(byName().keySet());
		assertThat(members("Barrier")).doesNotContain("Meeting setting and channel");
		assertThat(members("Facilitator")).doesNotContain("Meeting setting and channel");
	}

	@Test
	void everySetMemberIsACodeOfTheCodebook() {
		Set<String> guids = new HashSet<>();
		book.allCodes().forEach(code -> guids.add(code.guid()));

		assertThat(book.sets()).allSatisfy(set -> assertThat(guids).containsAll(set.memberCodeGuids()));
	}
}
