package quire.coding.internal.qdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The records normalise what tools write differently and refuse what would make an inconsistent codebook. */
final class QdcCodebookTests {

	private static final String GUID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

	private static final String OTHER = "3f2504e0-4f89-11d3-9a0c-0305e82c3302";

	@Test
	void normalisesGuidsColoursNamesAndDescriptions() {
		QdcCode code = new QdcCode("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", "  Two\nlines ", "#a1b", true,
				"\r\n  Definition.\r\n\r\nInclude: x.\r\n", List.of());

		assertThat(code.guid()).isEqualTo(GUID);
		assertThat(code.name()).isEqualTo("Two lines");
		assertThat(code.color()).isEqualTo("#AA11BB");
		assertThat(code.description()).isEqualTo("Definition.\n\nInclude: x.");
		assertThat(new QdcCode(GUID, "A", null, true, " ", List.of()).description()).isNull();
	}

	@Test
	void refusesBadValuesNamingThem() {
		assertThatThrownBy(() -> QdcCode.leaf("nope", "A", null, null)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("invalid GUID 'nope' for code 'A'");
		assertThatThrownBy(() -> QdcCode.leaf(GUID, "A", "#GGGGGG", null))
				.hasMessageContaining("invalid colour '#GGGGGG' for code 'A'");
		assertThatThrownBy(() -> QdcCode.leaf(GUID, " ", null, null)).hasMessageContaining("blank name for code " + GUID);
		assertThatThrownBy(() -> QdcCode.leaf(GUID, "A\u0001", null, null)).hasMessageContaining("U+0001");
	}

	@Test
	void refusesDuplicateGuidsAndUnknownMembers() {
		QdcCode a = QdcCode.leaf(GUID, "A", null, null);

		assertThatThrownBy(() -> new QdcCodebook("x",
				List.of(new QdcCode(OTHER, "P", null, true, null, List.of(QdcCode.leaf(GUID.toUpperCase(), "B", null, null))), a),
				List.of())).hasMessageContaining("duplicate GUID " + GUID);
		assertThatThrownBy(() -> new QdcCodebook("x", List.of(a), List.of(new QdcSet(OTHER, "S", null, List.of(OTHER)))))
				.hasMessage("set 'S' refers to unknown code " + OTHER);
	}

	@Test
	void listsAllCodesParentsFirstInFileOrder() {
		QdcCode child = QdcCode.leaf("00000000-0000-4000-8000-000000000002", "child", null, null);
		QdcCode parent = new QdcCode("00000000-0000-4000-8000-000000000001", "parent", null, true, null, List.of(child));
		QdcCode next = QdcCode.leaf("00000000-0000-4000-8000-000000000003", "next", null, null);

		assertThat(new QdcCodebook("", List.of(parent, next), List.of()).allCodes()).containsExactly(parent, child, next);
	}
}
