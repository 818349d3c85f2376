package io.returnsdesk.web;

import java.util.Arrays;

import io.returnsdesk.attachments.ReturnAttachments;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.ReturnRequests;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFiles;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Proof of a return through the API: what is accepted and served back, and that every
 * refused file is answered with a problem and leaves nothing stored.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AttachmentApiIntegrationTest {

	static final String USER = "apiwarehouse";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	ReturnRequests requests;

	@Autowired
	Ledgers ledgers;

	@Autowired
	TestUsers users;

	@Autowired
	MultipartProperties multipart;

	String number;

	@BeforeEach
	void requestAReturn() {
		this.users.ensure(USER, TestUsers.PASSWORD, "warehouse");
		this.number = this.driver.requestedReturnOfAKettle();
	}

	@Test
	void uploadsListsAndServesAPhotoAndAVoucher() throws Exception {
		byte[] png = TestFiles.png();
		String location = upload(file("退货照片.png", "image/png", png)).andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern("/api/returns/" + this.number + "/attachments/\\d+")))
			.andExpect(jsonPath("$.fileName").value("退货照片.png"))
			.andExpect(jsonPath("$.contentType").value("image/png"))
			.andExpect(jsonPath("$.size").value(png.length))
			.andExpect(jsonPath("$.uploadedBy").value(USER))
			.andExpect(jsonPath("$.uploadedAt").isNotEmpty())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		// a voucher sent with a generic type is still told by its content
		upload(file("voucher.pdf", "application/octet-stream", TestFiles.PDF)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("application/pdf"));

		this.mvc.perform(as(USER, get("/api/returns/{number}/attachments", this.number)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].url").value(location))
			.andExpect(jsonPath("$[0].fileName").value("退货照片.png"))
			.andExpect(jsonPath("$[1].fileName").value("voucher.pdf"));

		byte[] served = this.mvc.perform(as(USER, get(location)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(header().string("Content-Disposition",
					"inline; filename=\"____.png\"; filename*=UTF-8''%E9%80%80%E8%B4%A7%E7%85%A7%E7%89%87.png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(header().longValue("Content-Length", png.length))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).isEqualTo(png);
	}

	@Test
	void servesAPdfForDownloadInsteadOfInline() throws Exception {
		String location = upload(file("refund voucher.pdf", "application/pdf", TestFiles.PDF)).andReturn()
			.getResponse()
			.getHeader("Location");
		byte[] served = this.mvc.perform(as(USER, get(location)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"refund voucher.pdf\"; filename*=UTF-8''refund%20voucher.pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).isEqualTo(TestFiles.PDF);
	}

	@Test
	void keepsTheSameBytesOnceAndAnswersTheFirstUpload() throws Exception {
		byte[] jpeg = TestFiles.jpeg();
		String first = upload(file("front.jpg", "image/jpeg", jpeg)).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		int before = attachments();

		upload(file("front again.jpg", "image/jpeg", jpeg)).andExpect(status().isOk())
			.andExpect(header().string("Content-Location", first))
			.andExpect(jsonPath("$.fileName").value("front.jpg"));

		assertThat(attachments()).isEqualTo(before);
		upload(file("back.png", "image/png", TestFiles.otherPng())).andExpect(status().isCreated());
	}

	@Test
	void storesOnlyTheLastSegmentOfAPathAsTheFileName() throws Exception {
		upload(file("../../etc/passwd", "image/png", TestFiles.png())).andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("passwd"));
		upload(file("C:\\x\\y.png", "image/png", TestFiles.otherPng())).andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("y.png"));
	}

	@Test
	void refusesAnEmptyFile() throws Exception {
		refused(file("photo.jpg", "image/jpeg", new byte[0]), 422, "The file is empty");
	}

	@Test
	void refusesAFileOverTenMegabytes() throws Exception {
		byte[] tooLarge = Arrays.copyOf(TestFiles.PDF, (int) ReturnAttachments.MAX_SIZE + 1);
		refused(file("voucher.pdf", "application/pdf", tooLarge), 413,
				"The file has 10,485,761 bytes; at most 10 MB (10,485,760 bytes) can be attached");
		// the servlet container stops larger uploads at the same limit
		assertThat(this.multipart.getMaxFileSize().toBytes()).isEqualTo(ReturnAttachments.MAX_SIZE);
		assertThat(this.multipart.getMaxRequestSize().toBytes()).isGreaterThan(ReturnAttachments.MAX_SIZE);
	}

	@Test
	void refusesWhatIsNotAnImageOrPdfWhateverItsNameAndType() throws Exception {
		refused(file("photo.jpg", "image/jpeg", "Just some text".getBytes()), 415,
				"The file is not a JPEG, PNG, GIF, WebP image or a PDF");
		refused(file("photo.png", "image/png", TestFiles.HTML), 415,
				"The file is not a JPEG, PNG, GIF, WebP image or a PDF");
		refused(file("photo.svg", "image/svg+xml",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes()), 415,
				"The file is not a JPEG, PNG, GIF, WebP image or a PDF");
	}

	@Test
	void refusesAJpegHeaderFollowedByWhatDoesNotDecode() throws Exception {
		refused(file("photo.jpg", "image/jpeg", TestFiles.jpegHeaderWithGarbage()), 415,
				"it starts like a JPEG image but cannot be read as one");
	}

	@Test
	void refusesAnUploadWithoutTheFilePart() throws Exception {
		int before = attachments();
		this.mvc
			.perform(as(USER,
					multipart("/api/returns/{number}/attachments", this.number)
						.file(new MockMultipartFile("photo", "photo.png", "image/png", TestFiles.png()))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("no part named 'file'")));
		this.mvc
			.perform(as(USER, post("/api/returns/{number}/attachments", this.number))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("multipart/form-data")));
		assertThat(attachments()).isEqualTo(before);
	}

	@Test
	void answersNotFoundForAnUnknownReturnOrAttachment() throws Exception {
		int before = attachments();
		this.mvc
			.perform(as(USER,
					multipart("/api/returns/{number}/attachments", "RT-19990101-0001")
						.file(file("photo.png", "image/png", TestFiles.png()))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("There is no return RT-19990101-0001"));
		this.mvc.perform(as(USER, get("/api/returns/{number}/attachments", "RT-19990101-0001")))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(USER, get("/api/returns/{number}/attachments/{id}", this.number, Long.MAX_VALUE)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail")
				.value("Return %s has no attachment %d".formatted(this.number, Long.MAX_VALUE)));
		this.mvc.perform(as(USER, get("/api/returns/{number}/attachments/{id}", this.number, "first")))
			.andExpect(status().isBadRequest());
		assertThat(attachments()).isEqualTo(before);
	}

	@Test
	void servesAnAttachmentOnlyUnderItsOwnReturn() throws Exception {
		String location = upload(file("photo.png", "image/png", TestFiles.png())).andReturn()
			.getResponse()
			.getHeader("Location");
		String id = location.substring(location.lastIndexOf('/') + 1);
		Product other = this.fixtures.product("5.00", 1);
		String otherReturn = this.driver.request(this.fixtures.shippedSale(1, line(other, 1)).getNumber(), "DAMAGED",
				"REFUND", other.getSku(), 1);
		this.mvc.perform(as(USER, get("/api/returns/{number}/attachments/{id}", otherReturn, id)))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesAttachmentsToAWithdrawnReturn() throws Exception {
		this.driver.reject(this.number, "Not our product");
		this.requests.withdraw(this.number, ReturnDriver.CLERK);
		refused(file("photo.png", "image/png", TestFiles.png()), 409,
				"Return %s is WITHDRAWN and cannot be given attachments".formatted(this.number));
	}

	@Test
	void refusesRequestsWithoutLogin() throws Exception {
		int before = attachments();
		this.mvc
			.perform(multipart("/api/returns/{number}/attachments", this.number)
				.file(file("photo.png", "image/png", TestFiles.png())))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/returns/{number}/attachments", this.number)).andExpect(status().isUnauthorized());
		assertThat(attachments()).isEqualTo(before);
	}

	private void refused(MockMultipartFile file, int expectedStatus, String detail) throws Exception {
		int before = attachments();
		upload(file).andExpect(status().is(expectedStatus))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString(detail)));
		assertThat(attachments()).isEqualTo(before);
	}

	private ResultActions upload(MockMultipartFile file) throws Exception {
		return this.mvc.perform(as(USER, multipart("/api/returns/{number}/attachments", this.number).file(file)));
	}

	private int attachments() {
		return this.ledgers.count("return_attachment");
	}

	private static MockMultipartFile file(String name, String contentType, byte[] bytes) {
		return new MockMultipartFile("file", name, contentType, bytes);
	}

}
