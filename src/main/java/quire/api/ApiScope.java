package quire.api;

/** What a personal access token may do: read only, or read and write (as far as the user's project role allows). */
public enum ApiScope {

	READ("read"), READ_WRITE("read-write");

	private final String label;

	ApiScope(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Reads "read", "read-write", "READ_WRITE". */
	public static ApiScope parse(String text) {
		for (ApiScope s : values()) {
			if (s.label.equalsIgnoreCase(text.strip()) || s.name().equalsIgnoreCase(text.strip())) {
				return s;
			}
		}
		throw new IllegalArgumentException("no token scope '" + text + "'; scopes are read and read-write");
	}

}
