package quire.report;

import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;

/** The one Spring context of the report tests (the services' shared home, see {@link SharedHome}), shared by every report test class. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportContext implements SharedHome {

}
