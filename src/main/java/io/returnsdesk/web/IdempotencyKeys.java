package io.returnsdesk.web;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IdempotencyKeys extends JpaRepository<IdempotencyKey, Long> {

	/** The user's key, if it was used since the given instant. */
	@Query("select k from IdempotencyKey k where k.userId = :userId and k.key = :key and k.createdAt >= :since")
	Optional<IdempotencyKey> findUsedSince(String userId, String key, Instant since);

	/** Deletes the user's key if it was last used before the given instant. */
	@Modifying
	@Query("delete from IdempotencyKey k where k.userId = :userId and k.key = :key and k.createdAt < :before")
	int deleteUsedBefore(String userId, String key, Instant before);

	/** Deletes every key used before the given instant. */
	@Modifying
	@Query("delete from IdempotencyKey k where k.createdAt < :before")
	int deleteAllUsedBefore(Instant before);

}
