package io.returnsdesk.system.process;

import java.io.ByteArrayInputStream;
import java.util.Collection;

import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;

import org.springframework.stereotype.Component;

/**
 * The process application {@code returns-desk}: deploys the models of {@code processes/}
 * when the application starts ({@code META-INF/processes.xml}). Camunda's classpath
 * scanner finds them only where {@code processes/} lies at the root of a directory or a
 * jar; in the executable jar it lies below {@code BOOT-INF/classes/}, the scanner found
 * nothing, and {@code java -jar} started an engine without a single process. What the
 * scanner missed is added here, under the names it would have given.
 */
@Component
class ReturnsDeskProcessApplication extends SpringBootProcessApplication {

	@Override
	public void createDeployment(String processArchiveName, DeploymentBuilder deployment) {
		addMissedModels(deployment, getProcessApplicationClassloader());
	}

	static void addMissedModels(DeploymentBuilder deployment, ClassLoader classLoader) {
		Collection<String> scanned = deployment.getResourceNames();
		ProcessResources.in(classLoader).forEach((name, content) -> {
			if (!scanned.contains(name)) {
				deployment.addInputStream(name, new ByteArrayInputStream(content));
			}
		});
	}

}
