package io.returnsdesk.returns.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a task's form mentions decides which copies of the return its task gets. */
class FormFieldsTest {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theProcessFormOfTheWarehouseMentionsItsDataInTheViewAndNothingByNameAlone() throws IOException {
		FormFields.Mentions mentions = FormFields
			.mentionsOf(this.json.readTree(Files.readString(Path.of("processes/forms/processReturn.form"))));

		assertThat(mentions.inView("warehouseOptions")).as("options of a select").isTrue();
		assertThat(mentions.inView("lines")).as("a table's data").isTrue();
		assertThat(mentions.inView("financeNote")).as("a text and its condition").isTrue();
		assertThat(mentions.inView("policyNote")).as("the approval form's, not this one's").isFalse();
		// "Returned lines" is a label, not an expression: no copy named lines
		assertThat(mentions.alone("lines")).isFalse();
		assertThat(mentions.alone("orderNumber")).isFalse();
		// the process's own variables and the form's fields are named alone
		assertThat(mentions.alone("returnNumber")).isTrue();
		assertThat(mentions.alone("warehouseCode")).isTrue();
	}

	@Test
	void aFormDeployedBeforeTheViewStillGetsItsCopiesByName() throws IOException {
		FormFields.Mentions mentions = FormFields.mentionsOf(this.json.readTree("""
				{"id": "approveReturn", "components": [
				  {"type": "text", "text": "**Order:** {{orderNumber}} ({{ orderDate }})"},
				  {"type": "text", "text": "{{policyNote}}", "conditional": {"hide": "=policyNote = null"}},
				  {"type": "table", "label": "Returned lines", "dataSource": "=lines"},
				  {"type": "select", "key": "warehouseCode", "valuesKey": "warehouseOptions"}]}
				"""));

		assertThat(mentions.alone("orderNumber")).isTrue();
		assertThat(mentions.alone("orderDate")).isTrue();
		assertThat(mentions.alone("policyNote")).isTrue();
		assertThat(mentions.alone("lines")).isTrue();
		assertThat(mentions.alone("warehouseOptions")).isTrue();
		assertThat(mentions.alone("order")).as("a whole name only").isFalse();
		assertThat(mentions.inView("orderNumber")).isFalse();
	}

}
