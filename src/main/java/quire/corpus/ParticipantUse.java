package quire.corpus;

/**
 * What another module keeps about a participant, such as questionnaire answers: a participant that
 * was made for one document's speaker is removed with its last link only if no module uses it. A
 * module that keeps data per participant implements this as a bean, so the corpus asks it instead of
 * reading that module's tables.
 */
public interface ParticipantUse {

	/** Whether this module holds data about the participant with that id. */
	boolean uses(long participantId);

}
