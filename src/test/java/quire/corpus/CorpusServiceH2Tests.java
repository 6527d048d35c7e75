package quire.corpus;

import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;

/** The corpus contract on the embedded H2 file database. */
@SpringBootTest
class CorpusServiceH2Tests extends CorpusServiceContract implements SharedHome {

}
