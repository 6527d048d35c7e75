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
		assertThatThrownBy(() -> TurnEngines.open("solr", home)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("quire.search.engine is 'solr', but this build of Quire has only these search engines: lucene, opensearch");
		assertThat(home.resolve("index")).doesNotExist();
	}

	@Test
	void openSearchWithoutAddressesIsRefusedNamingTheProperty() {
		assertThatThrownBy(() -> TurnEngines.open("OpenSearch", home)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("quire.search.engine is opensearch, but quire.search.opensearch.urls is not set");
		var properties = new org.springframework.mock.env.MockEnvironment()
			.withProperty("quire.search.opensearch.urls", "search1:9200");
		assertThatThrownBy(() -> TurnEngines.open("opensearch", home, properties))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'search1:9200', which is not an http:// or https:// address with a host");
		assertThat(home.resolve("index")).doesNotExist();
	}

}
