package io.returnsdesk.finance;

import java.util.Arrays;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores an account by its number in the chart of accounts, as accountants read it.
 */
@Converter(autoApply = true)
class AccountCodeConverter implements AttributeConverter<Account, String> {

	@Override
	public String convertToDatabaseColumn(Account account) {
		return (account != null) ? account.code() : null;
	}

	@Override
	public Account convertToEntityAttribute(String code) {
		return (code == null) ? null
				: Arrays.stream(Account.values())
					.filter((account) -> account.code().equals(code))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("Unknown account " + code));
	}

}
