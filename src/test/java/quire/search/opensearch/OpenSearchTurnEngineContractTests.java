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
		return OpenSearchTurnEngine.open(OpenSearchTestCluster.shared().settings(alias));
	}

	@Override
	protected void discard() {
		for (String alias : aliases) {
			OpenSearchTestCluster.shared().delete(alias + "-*");
		}
	}

}
