package io.returnsdesk.inventory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A place where stock is kept, usually belonging to a store.
 */
@Entity
public class Warehouse {

	@Id
	private String code;

	private String name;

	private String storeCode;

	protected Warehouse() {
	}

	public Warehouse(String code, String name, String storeCode) {
		this.code = code;
		this.name = name;
		this.storeCode = storeCode;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getStoreCode() {
		return this.storeCode;
	}

}
