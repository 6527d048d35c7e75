package quire.media;

/**
 * The recording formats browsers play, as read from a file's first bytes (never from its name).
 * {@link #contentType()} is what the player and the HTTP response announce.
 */
public enum MediaFormat {

	MP3("MP3 audio", "audio/mpeg", "mp3", false),
	M4A("MPEG-4 audio (m4a/aac)", "audio/mp4", "m4a", false),
	MP4("MPEG-4 video", "video/mp4", "mp4", true),
	WAV("WAV audio", "audio/wav", "wav", false),
	OGG("Ogg audio (Vorbis/Opus)", "audio/ogg", "ogg", false),
	WEBM("WebM", "video/webm", "webm", true);

	private final String label;

	private final String contentType;

	private final String extension;

	private final boolean video;

	MediaFormat(String label, String contentType, String extension, boolean video) {
		this.label = label;
		this.contentType = contentType;
		this.extension = extension;
		this.video = video;
	}

	public String label() {
		return label;
	}

	public String contentType() {
		return contentType;
	}

	/** The extension the stored file gets. */
	public String extension() {
		return extension;
	}

	/** Whether a {@code <video>} element plays it (an audio format plays in {@code <audio>}). */
	public boolean video() {
		return video;
	}

}
