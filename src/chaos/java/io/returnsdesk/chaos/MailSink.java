package io.returnsdesk.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.LoggerFactory;

/**
 * The mail server of the checks: a real SMTP server (GreenMail) in the checking JVM that
 * every node sends to, which can go away for a while and come back on the same port. What
 * it received is read once it has stopped (nothing can arrive unseen between reading and
 * stopping), and kept across its outages.
 */
final class MailSink {

	/** One mail as the server took it. */
	record Delivery(String messageId, String to) {

	}

	private final int port;

	private final List<Delivery> delivered = new ArrayList<>();

	private GreenMail server;

	private int outages;

	MailSink(int port) {
		this.port = port;
		// a line for every address it sees first: thousands
		((Logger) LoggerFactory.getLogger("com.icegreen.greenmail")).setLevel(Level.WARN);
	}

	int port() {
		return this.port;
	}

	int outages() {
		return this.outages;
	}

	synchronized void start() {
		this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
	}

	/**
	 * Stops the server for a while (nodes cannot connect: their mails must wait in the
	 * outbox) and starts it again; blocks meanwhile.
	 */
	void outage(Duration length) throws InterruptedException {
		stop();
		synchronized (this) {
			this.outages++;
		}
		Thread.sleep(length.toMillis());
		start();
	}

	/** Stops the server and keeps what it received. */
	synchronized void stop() {
		if (this.server == null) {
			return;
		}
		// stopping replaces the server's store with an empty one: read the old one after
		Managers managers = this.server.getManagers();
		this.server.stop();
		this.server = null;
		for (StoredMessage stored : managers.getImapHostManager().getAllMessages()) {
			MimeMessage message = stored.getMimeMessage();
			try {
				for (Address to : message.getAllRecipients()) {
					this.delivered.add(new Delivery(message.getMessageID(), to.toString()));
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException("A received mail cannot be read", ex);
			}
		}
	}

	/** Every mail received in the server's lives that have ended. */
	synchronized List<Delivery> deliveries() {
		return List.copyOf(this.delivered);
	}

	/** How many times each {@code Message-ID} was received. */
	Map<String, Integer> timesByMessageId() {
		Map<String, Integer> times = new HashMap<>();
		deliveries().forEach((delivery) -> times.merge(delivery.messageId(), 1, Integer::sum));
		return times;
	}

}
