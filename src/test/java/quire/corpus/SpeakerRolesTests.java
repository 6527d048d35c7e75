package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SpeakerRolesTests {

	@Test
	void roleWordsCodesAndNumberedLabelsAreRoles() {
		assertThat(SpeakerRoles.isRole("Sick-listed worker")).isTrue();
		assertThat(SpeakerRoles.isRole("MI Caseworker 1")).isTrue();
		assertThat(SpeakerRoles.isRole("Moderator")).isTrue();
		assertThat(SpeakerRoles.isRole("Client")).isTrue();
		assertThat(SpeakerRoles.isRole("Participant 3")).isTrue();
		assertThat(SpeakerRoles.isRole("P3")).isTrue();
		assertThat(SpeakerRoles.isRole("FG1-P2")).isTrue();
		assertThat(SpeakerRoles.isRole("Intervjuer")).isTrue();
		assertThat(SpeakerRoles.isRole("Sykmeldt")).isTrue();
	}

	@Test
	void personNamesAreNotRoles() {
		assertThat(SpeakerRoles.isRole("Ingrid Holm")).isFalse();
		assertThat(SpeakerRoles.isRole("Erik")).isFalse();
		assertThat(SpeakerRoles.isRole("Priya Sharma")).isFalse();
		assertThat(SpeakerRoles.isRole("  ")).isFalse();
	}

	@Test
	void facilitatorsLeadTheDataCollection() {
		assertThat(SpeakerRoles.isFacilitator("Moderator")).isTrue();
		assertThat(SpeakerRoles.isFacilitator("Co-moderator")).isTrue();
		assertThat(SpeakerRoles.isFacilitator("MI Caseworker 1")).isTrue();
		assertThat(SpeakerRoles.isFacilitator("Sick-listed worker")).isFalse();
		assertThat(SpeakerRoles.isFacilitator("Client")).isFalse();
	}

}
