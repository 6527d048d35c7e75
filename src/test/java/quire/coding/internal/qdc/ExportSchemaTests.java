package quire.coding.internal.qdc;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodeSystem;
import quire.coding.Origin;
import quire.coding.ReAim;
import quire.coding.Stance;
import quire.coding.internal.CodebookTransfer;
import quire.project.ProjectId;

/** Quire's own codebook export (codes with RE-AIM sets and structured descriptions) validates against the schema. */
final class ExportSchemaTests {

	@Test
	void exportedCodebookValidatesAgainstTheCodebookSchema() {
		ProjectId p = new ProjectId(1);
		Code theme = new Code(new CodeId(1), p, null, "6f1c2a4e-8c1b-4a57-9a43-0c7d6a1b2c3d", "Adoption",
				"Whether staff take the programme up.", "", "", "", "#FF7F0E", Set.of(ReAim.ADOPTION), null,
				Origin.DEDUCTIVE, 0, 0, "Adoption", CodeSystem.THEMATIC);
		Code child = new Code(new CodeId(2), p, new CodeId(1), "0b6d7f1e-1d2c-4e3f-8a9b-1c2d3e4f5a6b",
				"MI difficult to master", "Skills feel hard to learn & use <in practice>.", "Reflections", "Workload",
				"\"full of righting reflex\"", "#A0522D", Set.of(ReAim.ADOPTION), Stance.BARRIER, Origin.INDUCTIVE, 0, 1,
				"Adoption › MI difficult to master", CodeSystem.THEMATIC);
		byte[] qdc = CodebookTransfer.write(List.of(theme, child));
		assertThatCode(() -> CodebookSchema.validate(qdc)).doesNotThrowAnyException();
	}

}
