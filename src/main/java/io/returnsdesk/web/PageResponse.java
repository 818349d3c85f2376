package io.returnsdesk.web;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * One page of a list: its rows, which page, its size and how many rows there are in all.
 */
record PageResponse<T>(List<T> content, int page, int size, long totalElements) {

	static <T> PageResponse<T> of(Page<T> page) {
		return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
	}

}
