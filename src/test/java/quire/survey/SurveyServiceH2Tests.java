package quire.survey;

import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;

/** The survey contract on the embedded H2 file database. */
@SpringBootTest
class SurveyServiceH2Tests extends SurveyServiceContract implements SharedHome {

}
