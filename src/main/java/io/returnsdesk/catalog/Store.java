package io.returnsdesk.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A shop of the merchant; orders and reports are kept per store.
 */
@Entity
public class Store {

	@Id
	private String code;

	private String name;

	protected Store() {
	}

	public Store(String code, String name) {
		this.code = code;
		this.name = name;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

}
