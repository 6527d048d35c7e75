package quire.media;

/** A file that cannot be attached as a recording; the message names the file and says why. */
public class MediaRejectedException extends IllegalArgumentException {

	public MediaRejectedException(String fileName, String reason) {
		super(fileName + ": " + reason);
	}

}
