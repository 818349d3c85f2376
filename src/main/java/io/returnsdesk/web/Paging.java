package io.returnsdesk.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * Checks the page and size a client asks for.
 */
final class Paging {

	static final int MAX_SIZE = 200;

	private Paging() {
	}

	static Pageable of(int page, int size) {
		if (page < 0) {
			throw new BadRequestException("page", "The page must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new BadRequestException("size", "The page size must be between 1 and " + MAX_SIZE);
		}
		// the database is asked from which row on; that row must be a number it takes
		if ((long) page * size > Integer.MAX_VALUE) {
			throw new BadRequestException("page",
					"Page %d of %d rows starts beyond any result; ask for an earlier page".formatted(page, size));
		}
		return PageRequest.of(page, size);
	}

}
