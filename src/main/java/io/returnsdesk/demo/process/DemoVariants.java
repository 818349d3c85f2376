package io.returnsdesk.demo.process;

import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Products;
import io.returnsdesk.returns.ReturnRequest;

import org.springframework.stereotype.Component;

/** The demo's exchanges for another colour: the next variant of the article's model. */
@Component
class DemoVariants {

	private final Products products;

	DemoVariants(Products products) {
		this.products = products;
	}

	/** The line, exchanged for the next variant of its model (itself, if it has none). */
	ReturnRequest.Line nextOf(ReturnRequest.Line line) {
		Product product = this.products.findBySku(line.sku()).orElseThrow();
		if (product.getModel() == null) {
			return line;
		}
		List<Product> variants = this.products.findByModel(product.getModel());
		Product next = variants.get((variants.indexOf(product) + 1) % variants.size());
		return new ReturnRequest.Line(line.sku(), line.lineNo(), line.quantity(), next.getSku());
	}

}
