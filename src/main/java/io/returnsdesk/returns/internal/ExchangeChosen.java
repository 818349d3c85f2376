package io.returnsdesk.returns.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnRequest;
import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.internal.ReturnContent.RequestedLine;

/**
 * An exchange ships, for each line, the article its {@code exchangeSku} names — another
 * variant or product — or without one the same article; the replacement is sold at its
 * own price, the same article at the original order's. Only an exchange names a
 * replacement, and a supplier's exchange brings back the same article.
 */
public final class ExchangeChosen {

	private ExchangeChosen() {
	}

	/**
	 * The checked lines with their replacements, in the order asked.
	 * @param asked the lines as asked for, in the order of {@code lines}
	 * @param lines the checked lines
	 * @param products the article of a SKU
	 */
	public static List<RequestedLine> lines(List<ReturnRequest.Line> asked, List<RequestedLine> lines,
			Resolution resolution, ReturnType type, Function<String, Optional<Product>> products) {
		List<RequestedLine> chosen = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			RequestedLine line = lines.get(i);
			Product own = line.orderLine().getProduct();
			String sku = asked.get(i).exchangeSku();
			boolean another = sku != null && !sku.isBlank() && !sku.strip().equalsIgnoreCase(own.getSku());
			if (resolution != Resolution.EXCHANGE) {
				if (another) {
					throw new ReturnRuleViolation("lines",
							"Only an exchange ships a replacement: %s is named to replace %s on a refund"
								.formatted(ClientText.shown(sku.strip()), own.getSku()));
				}
				chosen.add(line);
				continue;
			}
			if (!another) {
				chosen.add(line.exchangedFor(own, line.orderLine().getUnitPrice()));
				continue;
			}
			ClientText.requireVisible("lines", "The replacement's SKU", sku, false);
			Product replacement = products.apply(sku.strip())
				.orElseThrow(() -> new ReturnRuleViolation("lines", "There is no article %s to replace %s with"
					.formatted(ClientText.shown(sku.strip()), own.getSku())));
			if (type == ReturnType.SUPPLIER) {
				throw new ReturnRuleViolation("lines",
						"A supplier's exchange brings back the same article: %s cannot replace %s"
							.formatted(replacement.getSku(), own.getSku()));
			}
			chosen.add(line.exchangedFor(replacement, replacement.getUnitPrice()));
		}
		return chosen;
	}

}
