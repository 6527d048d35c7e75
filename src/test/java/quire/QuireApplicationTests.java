package quire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;

/** What a command that cannot start prints instead of Spring's stack trace. */
class QuireApplicationTests {

	@Test
	void aCommandThatCannotStartNamesQuiresOwnReason() {
		var own = new UncheckedIOException("cannot open the search index under /h/index (is another Quire using this home?): "
				+ "Lock held by another program", new IOException("lock"));
		var wrapped = new UnsatisfiedDependencyException("x", "searchApi", "search",
				new BeanCreationException("searchService", "Constructor threw exception", own));
		assertThat(QuireApplication.reason(wrapped)).startsWith("cannot open the search index under /h/index")
			.contains("is another Quire using this home?");
		assertThat(QuireApplication.reason(new IllegalStateException("plain"))).isEqualTo("plain");
	}

	@Test
	void onlySpringPropertiesStartTheWebAppAndAnythingElseIsACommand() {
		assertThat(QuireApplication.startsWebApp(new String[0])).isTrue();
		assertThat(QuireApplication.startsWebApp(new String[] { "--server.port=8090", "--home=/data/quire" })).isTrue();
		assertThat(QuireApplication.startsWebApp(new String[] { "project", "list" })).isFalse();
		assertThat(QuireApplication.startsWebApp(new String[] { "--home=/data", "project", "list" })).isFalse();
		assertThat(QuireApplication.startsWebApp(new String[] { "--help" })).isFalse();
		assertThat(QuireApplication.startsWebApp(new String[] { "--user=kari" })).isFalse();
	}

}
