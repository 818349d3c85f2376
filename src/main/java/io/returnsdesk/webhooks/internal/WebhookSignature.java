package io.returnsdesk.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Returns-Signature} of a body: {@code sha256=} and the hex HMAC-SHA256 of
 * the raw body with the subscriber's secret.
 */
public final class WebhookSignature {

	private WebhookSignature() {
	}

	/** The header's value for the body, signed with the secret. */
	public static String of(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			// every Java platform has HmacSHA256
			throw new IllegalStateException(ex);
		}
	}

}
