package quire.coding.internal.qdc;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * A codebook file that Quire refuses, with a message a researcher can act on: the file name, the line when it is
 * known, and the reason, e.g. {@code re-aim.qdc line 12: duplicate GUID 3f2504e0-...}. It is an
 * {@link IllegalArgumentException} because the file is bad input, not a failure of Quire.
 */
public final class QdcFormatException extends IllegalArgumentException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String fileName;

	private final int line;

	private final String reason;

	QdcFormatException(String fileName, int line, String reason, @Nullable Throwable cause) {
		super(message(fileName, line, reason), cause);
		this.fileName = fileName;
		this.line = line;
		this.reason = reason;
	}

	QdcFormatException(String fileName, int line, String reason) {
		this(fileName, line, reason, null);
	}

	private static String message(String fileName, int line, String reason) {
		return line > 0 ? fileName + " line " + line + ": " + reason : fileName + ": " + reason;
	}

	/** The name of the refused file, as given to the reader. */
	public String fileName() {
		return fileName;
	}

	/** The line the problem was found on, or 0 when it is not known. */
	public int line() {
		return line;
	}

	/** The reason alone, without file name and line. */
	public String reason() {
		return reason;
	}
}
