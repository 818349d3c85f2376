package io.returnsdesk.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A customer or a supplier: the other side of an original order.
 */
@Entity
public class Party {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	@Enumerated(EnumType.STRING)
	private PartyKind kind;

	private String name;

	private String email;

	// a customer's mobile number, for the orders they place (see TradeOrder)
	private String phone;

	protected Party() {
	}

	public Party(String code, PartyKind kind, String name, String email) {
		this(code, kind, name, email, null);
	}

	public Party(String code, PartyKind kind, String name, String email, String phone) {
		this.code = code;
		this.kind = kind;
		this.name = name;
		this.email = email;
		this.phone = phone;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public PartyKind getKind() {
		return this.kind;
	}

	public String getName() {
		return this.name;
	}

	public String getEmail() {
		return this.email;
	}

	/** The customer's phone number, if known. */
	public String getPhone() {
		return this.phone;
	}

}
