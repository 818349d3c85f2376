package io.returnsdesk.returns;

/**
 * Why goods are returned.
 */
public enum ReturnReason {

	DAMAGED("Damaged", "破损"), DEFECTIVE("Defective", "质量问题"), WRONG_ITEM("Wrong item", "发错货"),
	NOT_AS_DESCRIBED("Not as described", "与描述不符"), NO_LONGER_NEEDED("No longer needed", "不再需要"), OTHER("Other", "其他");

	private final String labelEn;

	private final String labelZh;

	ReturnReason(String labelEn, String labelZh) {
		this.labelEn = labelEn;
		this.labelZh = labelZh;
	}

	public String label() {
		return this.labelEn + " " + this.labelZh;
	}

}
