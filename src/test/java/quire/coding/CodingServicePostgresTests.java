package quire.coding;

import org.springframework.boot.test.context.SpringBootTest;

import quire.EnabledIfPostgres;
import quire.SharedPostgresHome;

/** The coding contract on PostgreSQL, in the shared schema of the local server (see {@link SharedPostgresHome}). */
@EnabledIfPostgres
@SpringBootTest
class CodingServicePostgresTests extends CodingServiceContract implements SharedPostgresHome {

}
