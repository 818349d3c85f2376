package io.returnsdesk.catalog;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * An article the merchant sells or buys, identified by SKU and barcode, with the VAT rate
 * its prices include; possibly one variant (size, colour) of a model.
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

	private BigDecimal vatRate;

	// the model this is a variant of, and which variant (size, colour); null: it stands
	// alone
	private String model;

	private String variant;

	protected Product() {
	}

	/** A product at the standard VAT rate, 13 %. */
	public Product(String sku, String barcode, String name, BigDecimal unitPrice) {
		this(sku, barcode, name, unitPrice, VatRate.STANDARD);
	}

	public Product(String sku, String barcode, String name, BigDecimal unitPrice, BigDecimal vatRate) {
		this.sku = sku;
		this.barcode = barcode;
		this.name = name;
		this.unitPrice = unitPrice;
		this.vatRate = VatRate.checked(vatRate);
	}

	/**
	 * Makes it a variant of a model: the variants of one model are exchanged for each
	 * other.
	 */
	public Product variantOf(String model, String variant) {
		this.model = model;
		this.variant = variant;
		return this;
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

	/** The model it is a variant of, or null when it stands alone. */
	public String getModel() {
		return this.model;
	}

	/** Which variant of its model it is (size, colour), or null when it stands alone. */
	public String getVariant() {
		return this.variant;
	}

	/** The VAT rate its prices include: 0.13, 0.09, 0.06 or 0. */
	public BigDecimal getVatRate() {
		return this.vatRate;
	}

}
