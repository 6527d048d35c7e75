package quire.report;

import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;

/** The one Spring context of the report tests (a home of their own), shared by every report test class. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportContext {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-report"));
	}

}
