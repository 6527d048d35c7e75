package quire.fidelity;

import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;

/** The fidelity contract on the embedded H2 file database. */
@SpringBootTest
class FidelityServiceH2Tests extends FidelityServiceContract implements SharedHome {

}
