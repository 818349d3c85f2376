package io.returnsdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module boundaries (no cycles, no use of another module's internals), Camunda
 * inside the {@code *.process} packages and the engine's internals and tables behind
 * {@code io.returnsdesk.engine}; keeps the module map in {@code docs/modules} current.
 */
class ModularityTests {

	static final Path MODULE_MAP = Path.of("docs", "modules");

	static final String ENGINE_DOOR = "io.returnsdesk.engine..";

	static final int MAX_LINES = 300;

	// an engine table named in SQL: ACT_HI_TASKINST, act_ru_job, %1$sACT_HI_PROCINST
	// (after
	// the engine's table prefix), ...
	static final Pattern ENGINE_TABLE = Pattern.compile("ACT_(HI|RU|RE|GE|ID)_[A-Z]+", Pattern.CASE_INSENSITIVE);

	ApplicationModules modules = ApplicationModules.of(ReturnsDeskApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void onlyProcessPackagesAndTheEngineDoorKnowCamunda() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.returnsdesk");
		noClasses().that(not(resideInAnyPackage("..process..", ENGINE_DOOR)))
			.and()
			.doNotHaveFullyQualifiedName(ReturnsDeskApplication.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda..")
			.check(classes);
	}

	@Test
	void onlyTheEngineDoorUsesTheEnginesInternals() {
		// the tests too: they move the engine's time through the door; only the
		// benchmark's
		// bare engine, the yardstick the application is measured against, builds an
		// engine
		// of its own
		JavaClasses classes = new ClassFileImporter().importPackages("io.returnsdesk");
		noClasses().that(not(resideInAnyPackage(ENGINE_DOOR, "io.returnsdesk.bench..")))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda.bpm.engine.impl..")
			.because("the engine's internal API changes without notice; io.returnsdesk.engine is its one door")
			.check(classes);
	}

	@Test
	void onlyTheEnginesDoorQueriesItsTables() throws IOException {
		List<Path> querying = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				if (ENGINE_TABLE.matcher(Files.readString(source)).find()) {
					querying.add(source);
				}
			}
		}
		assertThat(querying).as("classes that name the engine's tables")
			.containsExactlyInAnyOrder(Path.of("src/main/java/io/returnsdesk/engine/EngineHistoryTables.java"),
					Path.of("src/main/java/io/returnsdesk/engine/EngineIdentityTables.java"));
	}

	@Test
	void noProductionClassIsLongerThan300Lines() throws IOException {
		Map<Path, Long> longer = new TreeMap<>();
		try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				long lines;
				try (Stream<String> read = Files.lines(source)) {
					lines = read.count();
				}
				if (lines > MAX_LINES) {
					longer.put(source, lines);
				}
			}
		}
		assertThat(longer).as("classes over %d lines: each should have one job its name says", MAX_LINES).isEmpty();
	}

	@Test
	void theModuleMapInDocsIsCurrent() throws IOException {
		Path written = Path.of("target", "module-map");
		// a module that is no more leaves no file behind
		if (Files.exists(written)) {
			try (Stream<Path> old = Files.list(written)) {
				for (Path file : old.toList()) {
					Files.delete(file);
				}
			}
		}
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(written.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		List<String> stale = new ArrayList<>();
		List<Path> fresh;
		try (Stream<Path> files = Files.list(written)) {
			fresh = files.sorted().toList();
		}
		Files.createDirectories(MODULE_MAP);
		for (Path file : fresh) {
			Path committed = MODULE_MAP.resolve(file.getFileName());
			if (!Files.exists(committed) || !sameLines(file, committed)) {
				stale.add(committed.toString());
				Files.copy(file, committed, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		// the map of a module that is no more
		try (Stream<Path> files = Files.list(MODULE_MAP)) {
			for (Path committed : files.toList()) {
				if (!Files.exists(written.resolve(committed.getFileName()))) {
					stale.add(committed.toString());
					Files.delete(committed);
				}
			}
		}
		assertThat(stale).as("module map files that were out of date and have now been rewritten: commit them")
			.isEmpty();
	}

	/**
	 * Whether two files hold the same lines in any order: the Documenter lists a module's
	 * relations, beans and events in an order that may differ from one run to the next (a
	 * canvas's cell opens on the line of its first item: {@code |* `x`}, which is read as
	 * {@code |} and {@code * `x`}).
	 */
	private static boolean sameLines(Path one, Path other) throws IOException {
		return lines(one).equals(lines(other));
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file)
			.stream()
			.flatMap((line) -> line.startsWith("|* ") ? Stream.of("|", line.substring(1)) : Stream.of(line))
			.sorted()
			.toList();
	}

}
