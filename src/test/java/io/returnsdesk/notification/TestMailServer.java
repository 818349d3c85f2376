package io.returnsdesk.notification;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.returnsdesk.support.FreePorts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail, in this JVM) for the tests of a class, which the
 * application sends its mail to. Its port is fixed for the class, so that a test can stop
 * the server and start it again where the application expects it.
 */
final class TestMailServer extends GreenMailExtension {

	private static final String HOST = "127.0.0.1";

	private final int port;

	TestMailServer() {
		this(FreePorts.next());
	}

	private TestMailServer(int port) {
		super(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
		this.port = port;
		// one server for all the tests of the class: each reads the mails of its own
		// documents
		withPerMethodLifecycle(false);
	}

	/** Points the application's mail at this server. */
	void pointTheApplicationHere(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> HOST);
		properties.add("spring.mail.port", () -> this.port);
	}

	/** The mails the server took about a document: "address subject". */
	List<String> received(String reference) {
		List<String> received = new ArrayList<>();
		try {
			for (MimeMessage message : getReceivedMessages()) {
				if (message.getSubject().contains(reference)) {
					received.add(message.getAllRecipients()[0] + " " + message.getSubject());
				}
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		return received;
	}

}
