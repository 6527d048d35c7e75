package quire.search.opensearch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.ExtendWith;

import quire.search.internal.TurnEngine;
import quire.search.internal.TurnEngineContract;

/**
 * The engine contract on the shared two-node OpenSearch cluster: each test has its own alias (and
 * index), deleted after it.
 */
@ExtendWith(OpenSearchClusterExtension.class)
final class OpenSearchTurnEngineContractTests extends TurnEngineContract {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final List<String> aliases = new ArrayList<>();

	@Override
	protected TurnEngine openEmpty() {
		String alias = "contract-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
		aliases.add(alias);
		// no replica: the scenarios are about answers, and a replica per test index only slows them
		// (OpenSearchEngineTests keeps one, and stops a node)
		return OpenSearchTurnEngine
			.open(new OpenSearchSettings(OpenSearchTestCluster.shared().urls(), null, null, null, null, alias, 1, 0));
	}

	@Override
	protected void discard() {
		for (String alias : aliases) {
			OpenSearchTestCluster.shared().delete(alias + "-*");
		}
	}

}
