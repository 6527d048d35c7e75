package quire.coding;

import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;

/** The coding contract on the embedded H2 file database. */
@SpringBootTest
class CodingServiceH2Tests extends CodingServiceContract implements SharedHome {

}
