package quire.search.opensearch;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the shared two-node OpenSearch cluster of the test JVM
 * ({@link OpenSearchTestCluster#shared()}): started before the first such class runs, reused by every
 * later one, stopped when the JVM exits. Test methods and constructors may take it as a parameter.
 *
 * <p>
 * A build run with {@code -DskipOpenSearch} resolves no OpenSearch node, so its OpenSearch tests are
 * reported as skipped, saying why; without that flag a cluster that cannot start fails them.
 */
public final class OpenSearchClusterExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String skip = System.getProperty("skipOpenSearch");
		return skip != null && !skip.equals("false")
				? ConditionEvaluationResult.disabled("-DskipOpenSearch: this build resolved no OpenSearch node")
				: ConditionEvaluationResult.enabled("an OpenSearch test cluster is started by the build");
	}

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
