package io.returnsdesk.finance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account of the chart of accounts: code, names and kind. */
@Entity
@Table(name = "account")
public class ChartAccount {

	/** What an account holds, which decides the side its balance normally lies on. */
	public enum Kind {

		ASSET, LIABILITY, REVENUE, EXPENSE

	}

	@Id
	private String code;

	private String nameZh;

	private String nameEn;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	protected ChartAccount() {
	}

	public String getCode() {
		return this.code;
	}

	public String getNameZh() {
		return this.nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public Kind getKind() {
		return this.kind;
	}

	/** Both names, as the desk and the API show an account. */
	public String getName() {
		return this.nameEn + " " + this.nameZh;
	}

}
