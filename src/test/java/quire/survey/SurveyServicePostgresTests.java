package quire.survey;

import org.springframework.boot.test.context.SpringBootTest;

import quire.EnabledIfPostgres;
import quire.SharedPostgresHome;

/** The survey contract on PostgreSQL, in the shared schema of the local server (see {@link SharedPostgresHome}). */
@EnabledIfPostgres
@SpringBootTest
class SurveyServicePostgresTests extends SurveyServiceContract implements SharedPostgresHome {

}
