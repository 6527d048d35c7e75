package quire.security;

import org.springframework.boot.test.context.SpringBootTest;

import quire.EnabledIfPostgres;
import quire.SharedPostgresHome;

/** The access contract on PostgreSQL, in the shared schema of the local server (see {@link SharedPostgresHome}). */
@EnabledIfPostgres
@SpringBootTest
class AccessPostgresTests extends AccessContract implements SharedPostgresHome {

}
