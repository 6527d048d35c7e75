package quire;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one H2 home that the plain service tests share, so Spring's test-context cache starts their
 * context once instead of once per class. A test class joins by implementing this interface and
 * declaring no {@code @DynamicPropertySource} of its own, no extra properties, profiles or
 * {@code @DirtiesContext}: the cache key is the set of property-source methods plus the rest of
 * the configuration, so any difference starts a context of its own.
 *
 * <p>
 * Because the home is shared, a test never assumes an empty database: it names its projects and
 * accounts uniquely (a UUID or the class's own name) or reuses them with {@code findByName(..)
 * .orElseGet(..)}, and creates the demo project only if it is missing.
 */
public interface SharedHome {

	/** Created when the first test class of the family loads; deleted with the JVM's temp files. */
	Path HOME = QuireHome.create("quire-shared-services");

	@DynamicPropertySource
	static void sharedHome(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, HOME);
	}

}
