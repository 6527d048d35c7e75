package quire.coding;

/**
 * Someone else saved a change to the same thing since this person started editing it; nothing was
 * saved. The message names who and says to reload.
 */
public class EditConflictException extends IllegalStateException {

	public EditConflictException(String message) {
		super(message);
	}

}
