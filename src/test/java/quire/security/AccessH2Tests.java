package quire.security;

import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;

/** The access contract on the embedded H2 file database. */
@SpringBootTest
class AccessH2Tests extends AccessContract implements SharedHome {

}
