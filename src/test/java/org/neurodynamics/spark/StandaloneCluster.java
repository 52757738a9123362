package org.neurodynamics.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A standalone Spark cluster on this machine, started from the Maven jars: a master
 * ({@code org.apache.spark.deploy.master.Master}) and workers
 * ({@code org.apache.spark.deploy.worker.Worker}), each its own JVM, every one bound to
 * 127.0.0.1 on free ports. Its "Spark installation" is a folder whose jars/ links to Spark's
 * (provided) jars, so the executors the workers start see Spark and nothing of the plugin:
 * a job must ship its jars. {@link #close} kills every JVM it started, executors included.
 */
public final class StandaloneCluster implements AutoCloseable {

	public static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
	/** Warnings only, in every JVM of the cluster and in a driver started by {@link #submit}. */
	static final Path LOG_CONFIG = PROJECT.resolve("src/main/spark/log4j2.properties");
	/** The flags of the pom's spark.add-opens: what Spark needs opened on Java 17. */
	static final List<String> ADD_OPENS = Arrays.stream(new String[] { "java.lang", "java.nio", "sun.nio.ch", "java.util",
		"sun.util.calendar", "java.lang.invoke" }).map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").collect(Collectors.toList());
	private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

	private final Path dir, sparkHome;
	private final int masterPort, masterUiPort;
	private final List<Process> started = new ArrayList<>();
	private final List<Process> workers = new ArrayList<>();
	/** Every process of the cluster ever seen, executors included, to be sure none outlives it. */
	private final List<ProcessHandle> seen = new ArrayList<>();

	private StandaloneCluster(Path dir) throws IOException {
		this.dir = Files.createDirectories(dir);
		this.sparkHome = installSpark(dir.resolve("spark-home"));
		this.masterPort = freePort();
		this.masterUiPort = freePort();
	}

	/**
	 * Starts a master and {@code workers} workers of {@code cores} cores and {@code memory}
	 * (e.g. "1g") each; returns when the master counts them all alive, or throws after
	 * {@code timeoutSeconds}.
	 */
	public static StandaloneCluster start(Path dir, int workers, int cores, String memory, int timeoutSeconds) throws Exception {
		StandaloneCluster c = new StandaloneCluster(dir);
		try {
			c.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
				Integer.toString(c.masterPort), "--webui-port", Integer.toString(c.masterUiPort));
			c.await(timeoutSeconds, () -> c.listening(c.masterUiPort), "the master to listen");
			for (int i = 0; i < workers; i++) {
				Path work = Files.createDirectories(dir.resolve("work-" + i));
				c.workers.add(c.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port",
					Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()), "--cores", Integer.toString(cores),
					"--memory", memory, "--work-dir", work.toString(), c.url()));
			}
			c.await(timeoutSeconds, () -> c.aliveWorkers() == workers, workers + " workers to register with the master");
			return c;
		}
		catch (Exception | Error e) {
			c.close();
			throw e;
		}
	}

	/** The master's URL, spark://127.0.0.1:port. */
	public String url() {
		return "spark://127.0.0.1:" + masterPort;
	}

	/** The environment of every JVM of the cluster: this folder as Spark's home, loopback only. */
	public void environment(Map<String, String> env) {
		env.put("SPARK_HOME", sparkHome.toString());
		env.put("SPARK_SCALA_VERSION", "2.13");
		env.put("SPARK_LOCAL_IP", "127.0.0.1");
	}

	/**
	 * A driver JVM as spark-submit starts one ({@code org.apache.spark.deploy.SparkSubmit} with
	 * Spark's jars on its class path), given spark-submit's arguments after {@code --master};
	 * its output goes to {@code log}, {@code jvmOptions} (e.g. another log configuration) come
	 * after the cluster's own. Killed by {@link #close} if still running.
	 */
	public Process submit(Path log, String heap, List<String> jvmOptions, List<String> arguments) throws IOException {
		List<String> args = new ArrayList<>(jvmOptions);
		args.add("org.apache.spark.deploy.SparkSubmit");
		args.addAll(List.of("--master", url(), "--conf", "spark.driver.host=127.0.0.1", "--conf",
			"spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false"));
		args.addAll(arguments);
		return start(log, heap, args);
	}

	/** Kills worker {@code i} and the executors it started, as when its machine is lost; waits until they are gone. */
	public void killWorker(int i) throws InterruptedException {
		Process worker = workers.get(i);
		List<ProcessHandle> tree = worker.descendants().collect(Collectors.toList());
		seen.addAll(tree);
		worker.destroyForcibly();
		for (ProcessHandle p : tree) p.destroyForcibly();
		worker.waitFor(20, TimeUnit.SECONDS);
		for (ProcessHandle p : tree) p.onExit().completeOnTimeout(p, 20, TimeUnit.SECONDS).join();
	}

	/** Kills every JVM the cluster started (drivers, workers with their executors, the master), waiting for each. */
	@Override
	public void close() {
		for (Process p : started) seen.addAll(p.descendants().collect(Collectors.toList()));
		for (Process p : started) seen.add(p.toHandle());
		for (ProcessHandle p : seen) p.destroyForcibly();
		for (ProcessHandle p : seen) p.onExit().completeOnTimeout(p, 20, TimeUnit.SECONDS).join();
	}

	/** The last lines of a log of this cluster, for messages. */
	public String tail(String name) {
		try {
			List<String> lines = Files.readAllLines(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no " + name + ".log: " + e + ")";
		}
	}

	private Process launch(String name, String mainClass, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(mainClass));
		command.addAll(List.of(args));
		return start(dir.resolve(name + ".log"), "256m", command);
	}

	/** A JVM with Spark's jars and the cluster's flags; {@code args} from the main class on (options before it). */
	private Process start(Path log, String heap, List<String> args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xmx" + heap));
		command.addAll(ADD_OPENS);
		command.addAll(List.of("-Djava.awt.headless=true", "-Dlog4j.configurationFile=" + LOG_CONFIG, "-cp",
			sparkHome.resolve("jars") + "/*"));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		environment(builder.environment());
		Process p = builder.start();
		started.add(p);
		return p;
	}

	private int aliveWorkers() {
		try (InputStream in = new URL("http://127.0.0.1:" + masterUiPort + "/json/").openStream()) {
			Matcher m = ALIVE_WORKERS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			return m.find() ? Integer.parseInt(m.group(1)) : -1;
		}
		catch (IOException e) {
			return -1;
		}
	}

	private boolean listening(int port) {
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private void await(int seconds, BooleanSupplier condition, String what) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!condition.getAsBoolean()) {
			for (Process p : started)
				if (!p.isAlive()) throw new IllegalStateException("A JVM of the Spark cluster ended (exit " + p.exitValue() +
					") while waiting for " + what + ":\nmaster:\n" + tail("master") + "\nworker-0:\n" + tail("worker-0"));
			if (System.nanoTime() > end) throw new IllegalStateException("Waited " + seconds + " s for " + what + ":\nmaster:\n" +
				tail("master") + "\nworker-0:\n" + tail("worker-0"));
			Thread.sleep(200);
		}
	}

	/** A folder laid out like a Spark installation: jars/ links to the jars of Spark and what it needs (Maven's provided scope). */
	private static Path installSpark(Path home) throws IOException {
		Path listing = PROJECT.resolve("target/provided-classpath.txt");
		if (!Files.isRegularFile(listing)) throw new IllegalStateException(listing + " is missing; the build writes it " +
			"(generate-test-resources)");
		Path jars = Files.createDirectories(home.resolve("jars"));
		for (String jar : Files.readString(listing).strip().split(java.io.File.pathSeparator)) {
			Path link = jars.resolve(Path.of(jar).getFileName());
			if (!Files.exists(link)) Files.createSymbolicLink(link, Path.of(jar));
		}
		return home;
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return s.getLocalPort();
		}
	}
}
