package quire.search.internal;

import java.io.IOException;

import org.apache.lucene.store.ByteBuffersDirectory;

/** The engine contract on the embedded Lucene index, in memory. */
final class LuceneTurnEngineContractTests extends TurnEngineContract {

	@Override
	protected TurnEngine openEmpty() throws IOException {
		return TurnIndex.open(new ByteBuffersDirectory());
	}

}
