package quire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when the local PostgreSQL answers ({@code 127.0.0.1:5432}, database
 * {@code test}, or {@code QUIRE_TEST_PG_URL}); otherwise JUnit reports it skipped with the reason,
 * so a machine without the server still gets a green H2 run and a clear message.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfPostgres.Condition.class)
public @interface EnabledIfPostgres {

	final class Condition implements ExecutionCondition {

		private static volatile ConditionEvaluationResult cached;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			ConditionEvaluationResult result = cached;
			if (result == null) {
				result = probe();
				cached = result;
			}
			return result;
		}

		private static ConditionEvaluationResult probe() {
			String url = System.getenv().getOrDefault("QUIRE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
			String user = System.getenv().getOrDefault("QUIRE_TEST_PG_USER", "postgres");
			DriverManager.setLoginTimeout(3);
			try (Connection c = DriverManager.getConnection(url, user, "")) {
				return ConditionEvaluationResult.enabled("PostgreSQL answers at " + url);
			}
			catch (SQLException ex) {
				return ConditionEvaluationResult.disabled("SKIPPED: no PostgreSQL answers at " + url + " (" + ex.getMessage()
						+ "); start it or set QUIRE_TEST_PG_URL to run the PostgreSQL variants of the service tests");
			}
		}

	}

}
