package quire.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.json.JsonMapper;

/**
 * A cluster without Quire's analysis plugin is refused with a message that says what to install, not
 * with OpenSearch's own answer: the test cluster has the plugin, so the mapping here names a filter no
 * cluster has, and the cluster's real refusal is what Quire has to recognise.
 */
@ExtendWith(OpenSearchClusterExtension.class)
final class MissingAnalysisPluginTests {

	@Test
	void aClusterWithoutTheNorwegianFilterIsRefusedSayingWhatToInstall(OpenSearchTestCluster cluster) throws Exception {
		String alias = "no-plugin-" + ProcessHandle.current().pid();
		OpenSearchSettings settings = new OpenSearchSettings(cluster.urls(), null, null, null, null, alias, 1, 0);
		JsonMapper json = JsonMapper.builder().build();
		try (OpenSearchHttp http = new OpenSearchHttp(settings, json)) {
			TurnIndices indices = new TurnIndices(settings, http, json, new TurnMapping(json, "quire_norwegian_missing"));

			assertThatThrownBy(() -> indices.create(true)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("has no token filter 'quire_norwegian_light'")
				.hasMessageContaining("install Quire's analysis plugin on every node")
				.hasMessageContaining("quire-analysis-<OpenSearch version>.zip");
			assertThat(indices.aliased()).as("no index was left behind").isEmpty();
		}
		finally {
			cluster.delete(alias + "-*");
		}
	}

}
