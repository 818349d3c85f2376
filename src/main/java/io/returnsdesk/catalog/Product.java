package io.returnsdesk.catalog;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * An article the merchant sells or buys, identified by SKU and barcode.
 */
@Entity
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String sku;

	private String barcode;

	private String name;

	private BigDecimal unitPrice;

	protected Product() {
	}

	public Product(String sku, String barcode, String name, BigDecimal unitPrice) {
		this.sku = sku;
		this.barcode = barcode;
		this.name = name;
		this.unitPrice = unitPrice;
	}

	public Long getId() {
		return this.id;
	}

	public String getSku() {
		return this.sku;
	}

	public String getBarcode() {
		return this.barcode;
	}

	public String getName() {
		return this.name;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

}
