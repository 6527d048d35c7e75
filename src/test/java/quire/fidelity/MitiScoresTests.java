package quire.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import quire.stats.Agreement.Coefficient;

/** Golden summary scores and levels, computed by hand from the formulas in MITI 4.2.1. */
final class MitiScoresTests {

	/** CCT 4, SST 3, Partnership 4, Empathy 5. */
	private static final MitiGlobals GLOBALS = new MitiGlobals(4, 3, 4, 5);

	/** GI 10, Persuade 2, PwP 1, Q 20, SR 12, CR 14, AF 3, Seek 2, Emph 1, Confront 1. */
	private static final MitiCounts COUNTS = MitiCounts.of(10, 2, 1, 20, 12, 14, 3, 2, 1, 1);

	@Test
	void computesTheSummaryScoresOfTheWorkedExample() {
		MitiScores s = MitiScores.of(GLOBALS, COUNTS);

		assertThat(s.relational()).isEqualTo(4.5); // (4 + 5) / 2
		assertThat(s.technical()).isEqualTo(3.5); // (4 + 3) / 2
		assertThat(s.percentCr().defined()).isTrue();
		assertThat(s.percentCr().value()).isCloseTo(14.0 / 26, within(1e-12)); // 0.538
		assertThat(s.percentCr().toString()).isEqualTo("0.538");
		assertThat(s.rq().value()).isCloseTo(1.3, within(1e-12)); // 26 / 20
		assertThat(s.adherent()).isEqualTo(6); // 2 + 3 + 1
		assertThat(s.nonAdherent()).isEqualTo(3); // 1 + 2
		assertThat(s.value(Summary.RELATIONAL)).isEqualTo(Coefficient.of(4.5));
		assertThat(s.value(Summary.TECHNICAL)).isEqualTo(Coefficient.of(3.5));
		assertThat(s.value(Summary.PERCENT_CR)).isEqualTo(s.percentCr());
		assertThat(s.value(Summary.RQ)).isEqualTo(s.rq());
		assertThat(s.value(Summary.MI_ADHERENT)).isEqualTo(Coefficient.of(6));
		assertThat(s.value(Summary.MI_NON_ADHERENT)).isEqualTo(Coefficient.of(3));
	}

	@Test
	void levelsOfTheWorkedExampleAgainstMiti421() {
		MitiScores s = MitiScores.of(GLOBALS, COUNTS);
		ThresholdSet t = ThresholdSet.MITI_4_2_1;

		assertThat(t.name()).isEqualTo("MITI 4.2.1 fair/good");
		assertThat(t.level(Summary.RELATIONAL, s)).contains(Level.GOOD); // 4.5 ≥ 4
		assertThat(t.level(Summary.TECHNICAL, s)).contains(Level.FAIR); // 3 ≤ 3.5 < 4
		assertThat(t.level(Summary.PERCENT_CR, s)).contains(Level.GOOD); // 0.538 ≥ 0.50
		assertThat(t.level(Summary.RQ, s)).contains(Level.FAIR); // 1 ≤ 1.3 < 2
		assertThat(t.level(Summary.MI_ADHERENT, s)).isEmpty();
		assertThat(t.level(Summary.MI_NON_ADHERENT, s)).isEmpty();
	}

	@Test
	void levelsOfTheWorkedExampleAgainstBeginningProficiency() {
		MitiScores s = MitiScores.of(GLOBALS, COUNTS);
		ThresholdSet t = ThresholdSet.BEGINNING_PROFICIENCY;

		assertThat(t.name()).isEqualTo("Beginning proficiency (seed 002)");
		assertThat(t.level(Summary.RELATIONAL, s)).contains(Level.FAIR); // 4.5 ≥ 4, no good level
		assertThat(t.level(Summary.TECHNICAL, s)).contains(Level.FAIR); // 3.5 ≥ 3
		assertThat(t.level(Summary.PERCENT_CR, s)).isEmpty();
		assertThat(t.level(Summary.RQ, s)).isEmpty();
		// seed 002's means: technical 3.26 above, relational 3.45 below
		assertThat(t.level(Summary.TECHNICAL, Coefficient.of(3.26))).contains(Level.FAIR);
		assertThat(t.level(Summary.RELATIONAL, Coefficient.of(3.45))).contains(Level.BELOW_FAIR);
	}

	@Test
	void thresholdsAreInclusiveAtFairAndGood() {
		ThresholdSet t = ThresholdSet.MITI_4_2_1;
		assertThat(t.level(Summary.RELATIONAL, Coefficient.of(3.0))).contains(Level.BELOW_FAIR);
		assertThat(t.level(Summary.RELATIONAL, Coefficient.of(3.5))).contains(Level.FAIR);
		assertThat(t.level(Summary.RELATIONAL, Coefficient.of(4.0))).contains(Level.GOOD);
		assertThat(t.level(Summary.TECHNICAL, Coefficient.of(2.5))).contains(Level.BELOW_FAIR);
		assertThat(t.level(Summary.TECHNICAL, Coefficient.of(3.0))).contains(Level.FAIR);
		assertThat(t.level(Summary.TECHNICAL, Coefficient.of(4.0))).contains(Level.GOOD);
		assertThat(t.level(Summary.PERCENT_CR, Coefficient.of(6.0 / 15))).contains(Level.FAIR); // exactly 40 %
		assertThat(t.level(Summary.PERCENT_CR, Coefficient.of(0.39))).contains(Level.BELOW_FAIR);
		assertThat(t.level(Summary.PERCENT_CR, Coefficient.of(0.5))).contains(Level.GOOD);
		assertThat(t.level(Summary.RQ, Coefficient.of(0.95))).contains(Level.BELOW_FAIR);
		assertThat(t.level(Summary.RQ, Coefficient.of(1.0))).contains(Level.FAIR);
		assertThat(t.level(Summary.RQ, Coefficient.of(2.0))).contains(Level.GOOD);
		// a mean computed in floating point just under the threshold still counts
		assertThat(t.level(Summary.RELATIONAL, Coefficient.of(3.4999999999999996))).contains(Level.FAIR);
	}

	@Test
	void undefinedRatiosSayWhyAndHaveNoLevel() {
		MitiScores s = MitiScores.of(GLOBALS, MitiCounts.of(5, 0, 0, 0, 0, 0, 1, 0, 0, 0));

		assertThat(s.percentCr().defined()).isFalse();
		assertThat(s.percentCr().reason()).isEqualTo("not defined (no reflections)");
		assertThat(s.rq().defined()).isFalse();
		assertThat(s.rq().reason()).isEqualTo("not defined (no questions)");
		assertThat(ThresholdSet.MITI_4_2_1.level(Summary.PERCENT_CR, s)).contains(Level.NOT_DEFINED);
		assertThat(ThresholdSet.MITI_4_2_1.level(Summary.RQ, s)).contains(Level.NOT_DEFINED);
		assertThat(Level.NOT_DEFINED.label()).isEqualTo("not defined");
	}

	@Test
	void reflectionsWithoutQuestionsAndQuestionsWithoutReflections() {
		MitiScores noQuestions = MitiScores.of(GLOBALS, MitiCounts.of(0, 0, 0, 0, 3, 1, 0, 0, 0, 0));
		assertThat(noQuestions.percentCr().value()).isEqualTo(0.25);
		assertThat(noQuestions.rq().defined()).isFalse();

		MitiScores noReflections = MitiScores.of(GLOBALS, MitiCounts.of(0, 0, 0, 8, 0, 0, 0, 0, 0, 0));
		assertThat(noReflections.percentCr().defined()).isFalse();
		assertThat(noReflections.rq()).isEqualTo(Coefficient.of(0.0));
		assertThat(ThresholdSet.MITI_4_2_1.level(Summary.RQ, noReflections)).contains(Level.BELOW_FAIR);
	}

	@Test
	void globalsOutside1To5AreRejectedNamingTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MitiGlobals(0, 3, 3, 3))
				.withMessageContaining("Cultivating Change Talk").withMessageContaining("0");
		assertThatIllegalArgumentException().isThrownBy(() -> new MitiGlobals(3, 6, 3, 3))
				.withMessageContaining("Softening Sustain Talk").withMessageContaining("6");
		assertThatIllegalArgumentException().isThrownBy(() -> new MitiGlobals(3, 3, 0, 3))
				.withMessageContaining("Partnership");
		assertThatIllegalArgumentException().isThrownBy(() -> new MitiGlobals(3, 3, 3, 6))
				.withMessageContaining("Empathy").withMessageContaining("6");
		assertThat(new MitiGlobals(1, 5, 1, 5).get(Global.SOFTENING_SUSTAIN_TALK)).isEqualTo(5);
	}

	@Test
	void globalsGetAndWith() {
		assertThat(GLOBALS.get(Global.CULTIVATING_CHANGE_TALK)).isEqualTo(4);
		assertThat(GLOBALS.get(Global.SOFTENING_SUSTAIN_TALK)).isEqualTo(3);
		assertThat(GLOBALS.get(Global.PARTNERSHIP)).isEqualTo(4);
		assertThat(GLOBALS.get(Global.EMPATHY)).isEqualTo(5);
		assertThat(GLOBALS.with(Global.EMPATHY, 2)).isEqualTo(new MitiGlobals(4, 3, 4, 2));
	}

	@Test
	void countsDefaultToZeroAndRejectNegatives() {
		MitiCounts c = new MitiCounts(Map.of(Behaviour.CR, 4));
		assertThat(c.get(Behaviour.CR)).isEqualTo(4);
		assertThat(c.get(Behaviour.GI)).isZero();
		assertThat(c.counts()).hasSize(10);
		assertThat(c).isEqualTo(MitiCounts.of(0, 0, 0, 0, 0, 4, 0, 0, 0, 0));
		assertThat(c.plus(Behaviour.CR).plus(Behaviour.Q).get(Behaviour.CR)).isEqualTo(5);
		assertThat(c.minus(Behaviour.CR).get(Behaviour.CR)).isEqualTo(3);
		assertThat(COUNTS.total()).isEqualTo(66);
		assertThat(COUNTS.plus(COUNTS).get(Behaviour.Q)).isEqualTo(40);
		assertThat(MitiCounts.NONE.total()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> MitiCounts.NONE.minus(Behaviour.AF))
				.withMessageContaining("Affirm");
		assertThatIllegalArgumentException().isThrownBy(() -> MitiCounts.of(0, 0, 0, 0, 0, 0, 0, 0, 0, -1))
				.withMessageContaining("Confront").withMessageContaining("-1");
		Map<Behaviour, Integer> source = new EnumMap<>(Behaviour.class);
		source.put(Behaviour.SR, 2);
		MitiCounts copy = new MitiCounts(source);
		source.put(Behaviour.SR, 9);
		assertThat(copy.get(Behaviour.SR)).isEqualTo(2);
	}

	@Test
	void thresholdsValidate() {
		assertThatIllegalArgumentException().isThrownBy(() -> Threshold.of(4, 3)).withMessageContaining("3");
		assertThatIllegalArgumentException().isThrownBy(() -> Threshold.fairOnly(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> new ThresholdSet(" ", Map.of()));
		assertThat(Threshold.of(3, 3).good()).isEqualTo(3.0);
		ThresholdSet custom = new ThresholdSet("Project", Map.of(Summary.RQ, Threshold.fairOnly(1.5)));
		assertThat(custom.level(Summary.RQ, Coefficient.of(2))).isEqualTo(Optional.of(Level.FAIR));
		assertThat(custom.threshold(Summary.TECHNICAL)).isEmpty();
		assertThat(ThresholdSet.MITI_4_2_1.threshold(Summary.PERCENT_CR)).contains(Threshold.of(0.40, 0.50));
	}

	@Test
	void labels() {
		assertThat(Level.BELOW_FAIR.label()).isEqualTo("below fair");
		assertThat(Level.FAIR.label()).isEqualTo("fair");
		assertThat(Level.GOOD.label()).isEqualTo("good");
		assertThat(Summary.PERCENT_CR.label()).isEqualTo("% Complex Reflections");
		assertThat(Summary.RQ.shortName()).isEqualTo("R:Q");
	}

}
