package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.util.List;

import io.returnsdesk.returns.internal.ReasonExplained;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * What a clerk asks for: units of lines of an original order, why, and refund or
 * exchange. Values come as typed by the client and are checked by {@link ReturnRequests}.
 */
public record ReturnRequest(String orderNumber, String reason, String reasonDetail, String resolution,
		List<Line> lines) {

	/** The longest reason detail a return takes. */
	public static final int MAX_DETAIL_LENGTH = ReasonExplained.MAX_DETAIL_LENGTH;

	/** The name of a line's schema in the API's description. */
	public static final String LINE_SCHEMA = "ReturnRequestLine";

	/**
	 * Units of an article, by SKU, and by line number where the SKU is on several lines;
	 * for an exchange, the SKU of the replacement (another variant or product; none: the
	 * same article).
	 */
	@Schema(name = LINE_SCHEMA)
	public record Line(String sku, Integer lineNo, BigDecimal quantity, @Nullable String exchangeSku) {

		/** Units of an article, for a refund or an exchange for the same article. */
		public Line(String sku, Integer lineNo, BigDecimal quantity) {
			this(sku, lineNo, quantity, null);
		}

	}

}
