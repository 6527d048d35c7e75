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

}
