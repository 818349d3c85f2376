package io.returnsdesk.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the checks of a packaged node do through its API as people would: make the users,
 * ask for a return, approve it.
 */
public final class NodeCalls {

	private NodeCalls() {
	}

	/** Makes each user (id → group), with an address to mail, as the administrator. */
	public static void createUsers(HttpApi api, String admin, String password, Map<String, String> groups)
			throws IOException, InterruptedException {
		for (Map.Entry<String, String> user : groups.entrySet()) {
			HttpApi.Answer created = api.post(admin, "/engine-rest/user/create",
					Map.of("profile",
							Map.of("id", user.getKey(), "firstName", user.getKey(), "lastName", "Crash", "email",
									user.getKey() + "@example.com"),
							"credentials", Map.of("password", password)),
					Map.of());
			assertThat(created.status()).as("create " + user.getKey()).isEqualTo(204);
			assertThat(api
				.put(admin, "/engine-rest/group/%s/members/%s".formatted(user.getValue(), user.getKey()), null,
						Map.of())
				.status()).isEqualTo(204);
		}
	}

	/**
	 * Asks as the clerk for a refund of one unit of each line of the order: its number.
	 */
	public static String requestOneOfEachLine(HttpApi api, String clerk, MasterData.Order order)
			throws IOException, InterruptedException {
		List<Map<String, Object>> lines = new ArrayList<>();
		order.lines().forEach((line) -> lines.add(Map.of("sku", line.sku(), "quantity", 1)));
		HttpApi.Answer created = api.post(clerk, "/api/returns",
				Map.of("orderNumber", order.number(), "reason", "DEFECTIVE", "resolution", "REFUND", "lines", lines),
				Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("number").asText();
	}

	/**
	 * Approves the return's open approval as the approver, through Camunda's REST API.
	 */
	public static void approve(HttpApi api, String approver, String number) throws IOException, InterruptedException {
		JsonNode tasks = api
			.get(approver,
					"/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=approveReturn")
			.json();
		assertThat(tasks.size()).as(tasks.toString()).isEqualTo(1);
		HttpApi.Answer completed = api.post(approver,
				"/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
				Map.of("variables", Map.of("approved", Map.of("value", true))), Map.of());
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
	}

}
