package io.returnsdesk.engine;

import io.returnsdesk.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's own decision tables (the return policy of the process) are evaluated with
 * the FEEL that parses each expression once.
 */
@IntegrationTest
class ParsedOnceFeelIntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Test
	void theEngineDecidesWithTheFeelThatParsesOnce() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();

		assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory()).isInstanceOf(ParsedOnceFeel.class);
	}

}
