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
		return PageRequest.of(page, size);
	}

}
