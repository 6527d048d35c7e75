package quire.nlp;

import org.springframework.boot.test.context.SpringBootTest;

import quire.EnabledIfPostgres;
import quire.SharedPostgresHome;

/** The language-processing contract on PostgreSQL, in the shared schema of the local server (see {@link SharedPostgresHome}). */
@EnabledIfPostgres
@SpringBootTest
class NlpServicePostgresTests extends NlpServiceContract implements SharedPostgresHome {

}
