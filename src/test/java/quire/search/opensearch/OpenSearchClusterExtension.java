package quire.search.opensearch;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the shared two-node OpenSearch cluster of the test JVM
 * ({@link OpenSearchTestCluster#shared()}): started before the first such class runs, reused by every
 * later one, stopped when the JVM exits. Test methods and constructors may take it as a parameter.
 */
public final class OpenSearchClusterExtension implements BeforeAllCallback, ParameterResolver {

	@Override
	public void beforeAll(ExtensionContext context) {
		OpenSearchTestCluster.shared();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == OpenSearchTestCluster.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return OpenSearchTestCluster.shared();
	}

}
