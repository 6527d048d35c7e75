package quire.cli;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.util.Set;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * How picocli gets the instances of Quire's command classes. Spring builds a command that is about
 * to run, injecting the services its constructor names; every other command in the tree is built
 * without services (its service fields stay null), which is all parsing and help need. So
 * {@code --help} needs no Spring at all, and a command that runs starts only the services it uses.
 */
final class CommandFactories {

	private CommandFactories() {
	}

	/** Builds every command without services: for parsing, help and usage errors. */
	static IFactory withoutServices() {
		return CommandFactories::withoutServices;
	}

	/**
	 * Builds the commands of {@code running} (the command that runs and the groups above it) with
	 * Spring, injecting their constructors' services, and every other command without services.
	 */
	static IFactory fromSpring(AutowireCapableBeanFactory beans, Set<Class<?>> running) {
		return new IFactory() {

			@Override
			public <K> K create(Class<K> cls) throws Exception {
				if (running.contains(cls) && !hasNoArgumentConstructor(cls)) {
					return beans.createBean(cls);
				}
				return withoutServices(cls);
			}

		};
	}

	private static <K> K withoutServices(Class<K> cls) throws Exception {
		if (!cls.getName().startsWith("quire.") || cls.isInterface() || hasNoArgumentConstructor(cls)) {
			return CommandLine.defaultFactory().create(cls);
		}
		Constructor<?>[] constructors = cls.getDeclaredConstructors();
		if (constructors.length != 1) {
			throw new IllegalStateException(cls.getName() + " must have one constructor (the services it uses)");
		}
		Constructor<?> constructor = constructors[0];
		constructor.setAccessible(true);
		Class<?>[] types = constructor.getParameterTypes();
		Object[] none = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			none[i] = types[i].isPrimitive() ? Array.get(Array.newInstance(types[i], 1), 0) : null;
		}
		return cls.cast(constructor.newInstance(none));
	}

	private static boolean hasNoArgumentConstructor(Class<?> cls) {
		for (Constructor<?> c : cls.getDeclaredConstructors()) {
			if (c.getParameterCount() == 0) {
				return true;
			}
		}
		return false;
	}

}
