package io.returnsdesk.sales;

import io.returnsdesk.catalog.Product;

/**
 * Units an exchange ships again for a line of the original order: of the line's own
 * article, or of another one (a variant, another product).
 */
public record ReplacementLine(int lineNo, Product product, int quantity) {

}
