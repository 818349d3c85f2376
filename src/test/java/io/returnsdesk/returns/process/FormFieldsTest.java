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
	void theProcessFormOfTheWarehouseShowsItsDataInTheViewAndPrefillsItsOwnFieldsByName() throws IOException {
		FormFields.Mentions mentions = FormFields
			.mentionsOf(this.json.readTree(Files.readString(Path.of("processes/forms/processReturn.form"))));

		assertThat(mentions.inView("warehouseOptions")).as("options of a select").isTrue();
		assertThat(mentions.inView("financeNote")).as("a text and its condition").isTrue();
		assertThat(mentions.inView("policyNote")).as("the approval form's, not this one's").isFalse();
		// what the warehouse fills in starts from values of the fields' own names: the
		// list of what came back (a dynamic list's path), its day, the refund's choice
		assertThat(mentions.alone("receipt")).as("a dynamic list's path").isTrue();
		assertThat(mentions.alone("receiptDate")).isTrue();
		assertThat(mentions.alone("refundInFull")).isTrue();
		assertThat(mentions.inView("receipt")).isFalse();
		// "What came back" is a label, not an expression; the view is not a field
		assertThat(mentions.alone("lines")).isFalse();
		assertThat(mentions.alone("orderNumber")).isFalse();
		// the process's own variables and the form's fields are named alone
		assertThat(mentions.alone("returnNumber")).isTrue();
		assertThat(mentions.alone("warehouseCode")).isTrue();
		assertThat(mentions.alone("receivedQuantities")).as("an expression field's key").isTrue();
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
