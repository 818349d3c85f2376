package io.returnsdesk.returns;

/**
 * What the other party gets back: money, or the same goods again.
 */
public enum Resolution {

	REFUND("Refund", "退款"), EXCHANGE("Exchange", "换货");

	private final String labelEn;

	private final String labelZh;

	Resolution(String labelEn, String labelZh) {
		this.labelEn = labelEn;
		this.labelZh = labelZh;
	}

	public String label() {
		return this.labelEn + " " + this.labelZh;
	}

}
