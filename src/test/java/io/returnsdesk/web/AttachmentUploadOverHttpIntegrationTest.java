package io.returnsdesk.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import io.returnsdesk.attachments.ReturnAttachments;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.ServerIntegrationTest;
import io.returnsdesk.support.TestFiles;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through the real servlet container, which parses the multipart request and
 * stops it at the size limit before the application sees the file.
 */
@ServerIntegrationTest
class AttachmentUploadOverHttpIntegrationTest {

	static final String USER = "httpwarehouse";

	static final String BOUNDARY = "----returnsdesk-test-boundary";

	@LocalServerPort
	int port;

	@Autowired
	ReturnDriver driver;

	@Autowired
	Ledgers ledgers;

	@Autowired
	TestUsers users;

	final HttpClient http = HttpClient.newHttpClient();

	String number;

	@BeforeEach
	void requestAReturn() {
		this.users.ensure(USER, "secret", "warehouse");
		this.number = this.driver.requestedReturnOfAKettle();
	}

	@Test
	void storesAFileAsABrowserSendsIt() throws Exception {
		HttpResponse<String> response = upload("退货照片 (1).png", TestFiles.png());

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).contains("\"fileName\":\"退货照片 (1).png\"").contains("\"contentType\":\"image/png\"");
	}

	@Test
	void keepsOnlyTheFileNameOfAWindowsPath() throws Exception {
		HttpResponse<String> response = upload("C:\\Users\\wh\\voucher.pdf", TestFiles.PDF);

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).contains("\"fileName\":\"voucher.pdf\"");
	}

	@Test
	void answersAProblemWhenTheContainerStopsAFileOverTenMegabytes() throws Exception {
		int before = this.ledgers.count("return_attachment");

		HttpResponse<String> response = upload("voucher.pdf",
				Arrays.copyOf(TestFiles.PDF, (int) ReturnAttachments.MAX_SIZE + 1));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("The upload is larger than 10 MB");
		assertThat(this.ledgers.count("return_attachment")).isEqualTo(before);
	}

	private HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		// as browsers do: the name in UTF-8, the type the client guesses
		body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:%d/api/returns/%s/attachments".formatted(this.port, this.number)))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((USER + ":secret").getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
