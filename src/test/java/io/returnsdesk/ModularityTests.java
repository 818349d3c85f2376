package io.returnsdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the module boundaries (no cycles, no use of another module's internals) and
 * Camunda inside the {@code *.process} packages; writes the module map to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	ApplicationModules modules = ApplicationModules.of(ReturnsDeskApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void onlyProcessPackagesKnowCamunda() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.returnsdesk");
		noClasses().that(not(resideInAPackage("..process..")))
			.and()
			.doNotHaveFullyQualifiedName(ReturnsDeskApplication.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda..")
			.check(classes);
	}

	@Test
	void writesTheModuleMap() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
