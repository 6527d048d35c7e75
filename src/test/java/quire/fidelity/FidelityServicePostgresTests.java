package quire.fidelity;

import org.springframework.boot.test.context.SpringBootTest;

import quire.EnabledIfPostgres;
import quire.SharedPostgresHome;

/** The fidelity contract on PostgreSQL, in the shared schema of the local server (see {@link SharedPostgresHome}). */
@EnabledIfPostgres
@SpringBootTest
class FidelityServicePostgresTests extends FidelityServiceContract implements SharedPostgresHome {

}
