package io.returnsdesk.web;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * An Idempotency-Key a user sent with a writing call, the fingerprint of that request and
 * the answer it got.
 */
@Entity
class IdempotencyKey {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String userId;

	@Column(name = "idempotency_key")
	private String key;

	private String requestHash;

	private Integer responseStatus;

	private String responseLocation;

	private byte[] responseBody;

	private Instant createdAt;

	protected IdempotencyKey() {
	}

	IdempotencyKey(String userId, String key, String requestHash, Instant createdAt) {
		this.userId = userId;
		this.key = key;
		this.requestHash = requestHash;
		this.createdAt = createdAt;
	}

	void answered(int status, String location, byte[] body) {
		this.responseStatus = status;
		this.responseLocation = location;
		this.responseBody = body;
	}

	String getRequestHash() {
		return this.requestHash;
	}

	Integer getResponseStatus() {
		return this.responseStatus;
	}

	String getResponseLocation() {
		return this.responseLocation;
	}

	byte[] getResponseBody() {
		return this.responseBody;
	}

}
