package quire.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import quire.project.ProjectId;

/** Choosing the search engine by {@code quire.search.engine}. */
final class TurnEnginesTests {

	@TempDir
	Path home;

	@Test
	void luceneIsTheEmbeddedIndexUnderTheHome() throws IOException {
		try (TurnEngine engine = TurnEngines.open(" Lucene ", home)) {
			assertThat(engine).isInstanceOf(TurnIndex.class);
			assertThat(engine.isEmpty()).isTrue();
			assertThat(engine.turnCount(new ProjectId(1))).isZero();
		}
		assertThat(Files.isDirectory(home.resolve("index"))).isTrue();
	}

	@Test
	void anEngineThisBuildDoesNotHaveIsRefusedByName() {
		assertThatThrownBy(() -> TurnEngines.open("opensearch", home)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("quire.search.engine is 'opensearch', but this build of Quire has only these search engines: lucene");
		assertThat(home.resolve("index")).doesNotExist();
	}

}
