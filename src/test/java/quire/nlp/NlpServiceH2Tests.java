package quire.nlp;

import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;

/** The language-processing contract on the embedded H2 file database. */
@SpringBootTest
class NlpServiceH2Tests extends NlpServiceContract implements SharedHome {

}
