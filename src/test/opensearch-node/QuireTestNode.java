import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * One OpenSearch node for Quire's tests, run in a child JVM whose classpath is target/opensearch/lib
 * (OpenSearch's Lucene, not Quire's; docs/scale-out.md). The test framework's MockNode refuses to
 * run outside a randomized-testing runner, so this subclasses {@link Node} through its protected
 * constructor and passes the plugins a distribution would load from its modules folder as
 * classpath plugins: HTTP and transport (Netty 4) and the common analysis components. Quire's own
 * analysis plugin is loaded from {@code <home>/plugins}, where the test cluster installs it from the
 * zip the build makes (src/opensearch-plugin), so the tests use the zip an operator installs.
 *
 * <p>
 * Arguments: node name, home folder, HTTP port, transport port, the transport ports to discover the
 * cluster at (comma-separated), the names of the cluster-manager-eligible nodes that bootstrap it
 * (comma-separated), this node's roles (comma-separated, e.g. {@code cluster_manager,data}). The node
 * prints {@code QUIRE-NODE-STARTED} when it runs and stops when its standard input closes, so it
 * never outlives the test JVM that started it.
 */
public final class QuireTestNode {

	public static void main(String[] args) throws Exception {
		if (args.length != 7) {
			throw new IllegalArgumentException("expected: name home http-port transport-port seed-ports manager-names roles, got "
					+ Arrays.toString(args));
		}
		String name = args[0];
		List<String> seeds = Arrays.stream(args[4].split(",")).map(port -> "127.0.0.1:" + port).toList();
		Settings settings = Settings.builder()
			.put("cluster.name", "quire-test")
			.put("node.name", name)
			.put("path.home", args[1])
			.put("network.host", "127.0.0.1")
			.put("http.port", args[2])
			.put("transport.port", args[3])
			.putList("discovery.seed_hosts", seeds)
			.putList("cluster.initial_cluster_manager_nodes", Arrays.asList(args[5].split(",")))
			.putList("node.roles", Arrays.asList(args[6].split(",")))
			// a nearly full test disk must not keep the replica unassigned
			.put("cluster.routing.allocation.disk.threshold_enabled", false)
			.build();
		Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> name);
		// Quire's analysis plugin is not on this classpath: it is installed in the home's plugins folder from its
		// zip (OpenSearchTestCluster), and the node loads it from there as a distribution's node does
		Node node = new TestNode(environment, List.of(plugin(Netty4ModulePlugin.class),
				plugin(CommonAnalysisModulePlugin.class)));
		node.start();
		System.out.println("QUIRE-NODE-STARTED");
		System.out.flush();
		while (System.in.read() != -1) {
			// the parent keeps standard input open while the node should run
		}
		node.close();
		node.awaitClose(30, TimeUnit.SECONDS);
		System.exit(0);
	}

	private static PluginInfo plugin(Class<? extends Plugin> type) {
		return new PluginInfo(type.getName(), "classpath plugin " + type.getName(), "NA", Version.CURRENT,
				Runtime.version().feature() + "", type.getName(), List.of(), false);
	}

	private static final class TestNode extends Node {

		TestNode(Environment environment, Collection<PluginInfo> plugins) {
			super(environment, plugins, true);
		}

	}

	private QuireTestNode() {
	}

}
