package io.returnsdesk.reporting.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReturnRateReviewRepository extends JpaRepository<ReturnRateReview, Long> {

	boolean existsBySubjectKindAndSubjectKeyAndStatus(ReturnRateReview.Subject kind, String key,
			ReturnRateReview.Status status);

}
