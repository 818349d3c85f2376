package io.returnsdesk.web;

import java.math.BigDecimal;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Products;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.lang.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product search by name, SKU or exact barcode.
 */
@RestController
@Tag(name = "Products")
@RequestMapping("/api/products")
class ProductController {

	static final int MAX_ROWS = 50;

	private final Products products;

	ProductController(Products products) {
		this.products = products;
	}

	@Operation(summary = "Find products by name or SKU part, or exact barcode",
			description = "Case-insensitive; the product whose barcode is q comes first, then by SKU; at most 50. "
					+ "A blank q finds nothing: the answer is an empty list, not the whole catalogue.")
	@GetMapping
	@Transactional(readOnly = true)
	List<ProductRow> search(@RequestParam(defaultValue = "") String q) {
		if (q.isBlank()) {
			return List.of();
		}
		return this.products.search(q.strip(), PageRequest.of(0, MAX_ROWS)).stream().map(ProductRow::of).toList();
	}

	@Operation(summary = "The variants of a product's model, itself included",
			description = "What an exchange may ship instead of it: the other sizes and colours of its model, by SKU. "
					+ "A product without a model is its only variant. 404 when there is no product with the SKU.")
	@GetMapping("/{sku}/variants")
	@Transactional(readOnly = true)
	List<ProductRow> variants(@PathVariable String sku) {
		Product product = this.products.findBySku(sku).orElseThrow(() -> new ProductNotFoundException(sku));
		if (product.getModel() == null) {
			return List.of(ProductRow.of(product));
		}
		return this.products.findByModel(product.getModel()).stream().map(ProductRow::of).toList();
	}

	/** An article: its model and variant null where it stands alone. */
	record ProductRow(String sku, String barcode, String name, BigDecimal unitPrice, @Nullable String model,
			@Nullable String variant) {

		static ProductRow of(Product product) {
			return new ProductRow(product.getSku(), product.getBarcode(), product.getName(), product.getUnitPrice(),
					product.getModel(), product.getVariant());
		}

	}

}
