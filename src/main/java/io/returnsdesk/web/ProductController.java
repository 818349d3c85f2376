package io.returnsdesk.web;

import java.math.BigDecimal;
import java.util.List;

import io.returnsdesk.catalog.Products;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
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

	private final Products products;

	ProductController(Products products) {
		this.products = products;
	}

	@Operation(summary = "Find products by name or SKU part, or exact barcode")
	@GetMapping
	@Transactional(readOnly = true)
	List<ProductRow> search(@RequestParam(defaultValue = "") String q) {
		return this.products.search(q.strip(), PageRequest.of(0, 50))
			.stream()
			.map((p) -> new ProductRow(p.getSku(), p.getBarcode(), p.getName(), p.getUnitPrice()))
			.toList();
	}

	record ProductRow(String sku, String barcode, String name, BigDecimal unitPrice) {

	}

}
