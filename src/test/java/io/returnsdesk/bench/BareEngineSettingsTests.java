package io.returnsdesk.bench;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's bare engine runs the models of processes/ with fixed stand-ins for the
 * application's beans: every setting a model reads and every fact it asks for must be
 * there, or the benchmark fails only when someone runs it.
 */
class BareEngineSettingsTests {

	private static final Pattern SETTING = Pattern.compile("returnProcessSettings\\.(\\w+)");

	private static final Pattern FACT = Pattern.compile("returnFacts\\.(\\w+)\\(");

	@Test
	void theBareEngineHasEverySettingTheModelsRead() throws Exception {
		Set<String> read = new TreeSet<>();
		try (Stream<Path> models = Files.list(Path.of("processes"))) {
			for (Path model : models.filter((path) -> path.toString().endsWith(".bpmn")).toList()) {
				Matcher matcher = SETTING.matcher(read(model));
				while (matcher.find()) {
					read.add(matcher.group(1));
				}
			}
		}
		Set<String> offered = Arrays
			.stream(Introspector.getBeanInfo(BareEngine.FixedSettings.class).getPropertyDescriptors())
			.filter((property) -> property.getReadMethod() != null)
			.map(PropertyDescriptor::getName)
			.collect(Collectors.toSet());
		assertThat(read).isNotEmpty();
		assertThat(offered).containsAll(read);
	}

	@Test
	void theBareEngineHasEveryFactTheModelsAskFor() throws Exception {
		Set<String> asked = new TreeSet<>();
		try (Stream<Path> models = Files.list(Path.of("processes"))) {
			for (Path model : models.filter((path) -> path.toString().endsWith(".bpmn")).toList()) {
				Matcher matcher = FACT.matcher(read(model));
				while (matcher.find()) {
					asked.add(matcher.group(1));
				}
			}
		}
		Set<String> offered = Arrays.stream(BareEngine.FixedFacts.class.getMethods())
			.filter((method) -> method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class)
			.map(java.lang.reflect.Method::getName)
			.collect(Collectors.toSet());
		assertThat(asked).contains("returnless");
		assertThat(offered).containsAll(asked);
	}

	private static String read(Path model) throws IOException {
		return Files.readString(model);
	}

}
