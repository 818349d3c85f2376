package io.returnsdesk.webhooks.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks off the machine and the networks behind it: a target whose host resolves
 * to a loopback, private (RFC 1918, carrier-grade NAT, fc00::/7), link-local (the cloud's
 * metadata service among them), unspecified or multicast address is refused, unless the
 * host is allow-listed ({@code returns.webhooks.allowed-hosts}), or, for loopback,
 * loopback is allowed (the demo profile). Checked when a subscription is made and again
 * before each delivery, since a name may resolve elsewhere later.
 */
@Component
public class TargetGuard {

	private final WebhookSettings settings;

	private final Resolver resolver;

	@Autowired
	TargetGuard(WebhookSettings settings) {
		this(settings, InetAddress::getAllByName);
	}

	TargetGuard(WebhookSettings settings, Resolver resolver) {
		this.settings = settings;
		this.resolver = resolver;
	}

	/**
	 * Checks a target.
	 * @throws TargetRefusedException when the target is not one webhooks may call
	 */
	public void check(URI target) {
		String host = host(target);
		if (this.settings.allowedHosts().contains(host)) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw new TargetRefusedException("The host %s cannot be resolved".formatted(host));
		}
		for (InetAddress address : addresses) {
			String refused = refusal(address);
			if (refused != null) {
				throw new TargetRefusedException(
						("The host %s resolves to %s, %s; webhooks go to public addresses only, unless the host is in "
								+ "returns.webhooks.allowed-hosts")
							.formatted(host, address.getHostAddress(), refused));
			}
		}
	}

	private String refusal(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return this.settings.allowLoopback() ? null : "a loopback address";
		}
		if (address.isAnyLocalAddress()) {
			return "the unspecified address";
		}
		if (address.isLinkLocalAddress()) {
			return "a link-local address";
		}
		if (address.isSiteLocalAddress()) {
			return "a private address";
		}
		if (address.isMulticastAddress()) {
			return "a multicast address";
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			// unique local addresses, fc00::/7 (Java's site-local is the old fec0::/10)
			return ((bytes[0] & 0xfe) == 0xfc) ? "a private address" : null;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		if (first == 0) {
			return "an address of this network (0.0.0.0/8)";
		}
		if (first == 100 && second >= 64 && second <= 127) {
			return "a private address (carrier-grade NAT, 100.64.0.0/10)";
		}
		return null;
	}

	private static String host(URI target) {
		String host = target.getHost();
		if (host == null) {
			throw new TargetRefusedException("The URL has no host");
		}
		host = host.toLowerCase(Locale.ROOT);
		// an IPv6 literal is written in brackets in a URL
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** Resolves a host name to its addresses. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/** A target webhooks may not call, and why. */
	public static class TargetRefusedException extends RuntimeException {

		TargetRefusedException(String message) {
			super(message);
		}

	}

}
