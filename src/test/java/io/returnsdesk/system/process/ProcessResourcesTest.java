package io.returnsdesk.system.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.camunda.bpm.container.impl.deployment.scanning.ClassPathProcessApplicationScanner;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The models of {@code processes/} are deployed from the executable jar too, where they
 * lie below {@code BOOT-INF/classes/}: {@code java -jar} once started without a single
 * process because Camunda's scanner looks for them at the root of the jar only.
 */
class ProcessResourcesTest {

	@TempDir
	Path temp;

	@Test
	void findsEveryModelBelowTheRootOfAJarWhereCamundasScannerFindsNone() throws IOException {
		Map<String, byte[]> models = modelsOfTheRepository();
		try (URLClassLoader jar = executableJarLayout(models)) {
			URL processesXml = jar.getResource("META-INF/processes.xml");
			assertThat(processesXml).as("the jar's class path starts below BOOT-INF/classes/").isNotNull();
			assertThat(new ClassPathProcessApplicationScanner().findResources(jar, "classpath:processes/", processesXml,
					new String[] { "form" }))
				.as("Camunda's scanner still misses models below the jar's root; once it finds them, "
						+ "ReturnsDeskProcessApplication need not add them")
				.isEmpty();

			Map<String, byte[]> found = ProcessResources.in(jar);

			assertThat(found.keySet()).containsExactlyElementsOf(models.keySet())
				.contains("returnRequest.bpmn", "returnPolicy.dmn", "forms/approveReturn.form");
			found.forEach((name, content) -> assertThat(content).as(name).isEqualTo(models.get(name)));
		}
	}

	@Test
	void namesModelsInADirectoryAsCamundasScannerDoes() throws IOException {
		ClassLoader classes = getClass().getClassLoader();
		Map<String, byte[]> scanned = new ClassPathProcessApplicationScanner().findResources(classes,
				"classpath:processes/", classes.getResource("META-INF/processes.xml"), new String[] { "form" });

		assertThat(ProcessResources.in(classes).keySet()).containsExactlyInAnyOrderElementsOf(scanned.keySet())
			.containsExactlyInAnyOrderElementsOf(modelsOfTheRepository().keySet());
	}

	@Test
	void addsToTheDeploymentOnlyWhatTheScannerMissed() throws IOException {
		Map<String, byte[]> models = modelsOfTheRepository();
		try (URLClassLoader jar = executableJarLayout(models)) {
			DeploymentBuilder deployment = mock(DeploymentBuilder.class);
			when(deployment.getResourceNames()).thenReturn(List.of("returnRequest.bpmn"));

			ReturnsDeskProcessApplication.addMissedModels(deployment, jar);

			verify(deployment, never()).addInputStream(eq("returnRequest.bpmn"), any(InputStream.class));
			for (String name : models.keySet()) {
				if (!name.equals("returnRequest.bpmn")) {
					verify(deployment).addInputStream(eq(name), any(InputStream.class));
				}
			}
		}
	}

	/** What the build copies to processes/ on the class path: the repository's models. */
	private static Map<String, byte[]> modelsOfTheRepository() throws IOException {
		Path root = Path.of("processes");
		Map<String, byte[]> models = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				models.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
			}
		}
		return models;
	}

	/**
	 * A jar laid out as Spring Boot's executable jar: the application's resources below
	 * BOOT-INF/classes/, which is where its class path starts.
	 */
	private URLClassLoader executableJarLayout(Map<String, byte[]> models) throws IOException {
		Path jar = this.temp.resolve("app.jar");
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
			entry(out, "BOOT-INF/classes/META-INF/processes.xml",
					Files.readAllBytes(Path.of("src/main/resources/META-INF/processes.xml")));
			out.putNextEntry(new JarEntry("BOOT-INF/classes/processes/"));
			out.putNextEntry(new JarEntry("BOOT-INF/classes/processes/forms/"));
			for (Map.Entry<String, byte[]> model : models.entrySet()) {
				entry(out, "BOOT-INF/classes/processes/" + model.getKey(), model.getValue());
			}
		}
		return new URLClassLoader(new URL[] { new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/") }, null);
	}

	private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content);
		out.closeEntry();
	}

}
