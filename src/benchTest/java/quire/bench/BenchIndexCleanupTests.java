package quire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import quire.search.opensearch.OpenSearchClusterExtension;
import quire.search.opensearch.OpenSearchTestCluster;
import quire.search.opensearch.OpenSearchTurnEngine;

/** A bench run on OpenSearch leaves no index behind in the cluster it measured. */
@ExtendWith(OpenSearchClusterExtension.class)
final class BenchIndexCleanupTests {

	@Test
	void theChildRunsIndicesAreRemovedAndOtherIndicesStay(OpenSearchTestCluster cluster) throws Exception {
		String alias = "quire-bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
		String other = alias + "x";
		try (OpenSearchTurnEngine bench = OpenSearchTurnEngine.open(cluster.settings(alias));
				OpenSearchTurnEngine keep = OpenSearchTurnEngine.open(cluster.settings(other))) {
			assertThat(indices(cluster, alias + "-*")).isNotBlank();
		}
		URI url = cluster.urls().get(0);

		assertThat(BenchCommand.dropIndices(url, alias)).startsWith("removed the bench's indices " + alias + "-*");

		assertThat(indices(cluster, alias + "-*")).isBlank();
		assertThat(indices(cluster, other + "-*")).as("another alias's index").isNotBlank();
		cluster.delete(other + "-*");
	}

	@Test
	void aClusterThatCannotBeReachedIsALineSayingSoNotAFailedBench() {
		String line = BenchCommand.dropIndices(URI.create("http://127.0.0.1:1"), "quire-bench-1-2");
		assertThat(line).startsWith("could not remove the bench's indices quire-bench-1-2-* from http://127.0.0.1:1")
			.endsWith("delete them by hand");
	}

	private static String indices(OpenSearchTestCluster cluster, String pattern) {
		return cluster.get(0, "/_cat/indices/" + pattern + "?h=index").strip();
	}

}
