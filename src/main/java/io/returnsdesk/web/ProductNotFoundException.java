package io.returnsdesk.web;

/** No product has the SKU. */
class ProductNotFoundException extends RuntimeException {

	ProductNotFoundException(String sku) {
		super("There is no product %s".formatted(sku));
	}

}
