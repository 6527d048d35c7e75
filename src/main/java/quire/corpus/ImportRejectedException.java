package quire.corpus;

/**
 * A file that cannot be imported. The message names the file and the reason, ready to show a
 * researcher; nothing of the file was stored.
 */
public final class ImportRejectedException extends IllegalArgumentException {

	private final String fileName;

	private final String reason;

	public ImportRejectedException(String fileName, String reason) {
		super(fileName + ": " + reason);
		this.fileName = fileName;
		this.reason = reason;
	}

	public ImportRejectedException(String fileName, String reason, Throwable cause) {
		super(fileName + ": " + reason, cause);
		this.fileName = fileName;
		this.reason = reason;
	}

	public String fileName() {
		return fileName;
	}

	public String reason() {
		return reason;
	}

}
