package io.returnsdesk.system;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.returnsdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions' tables as nodes share them, on PostgreSQL: a node's cleanup of expired
 * sessions does not wait for another's (they all run on the minute), and two requests of
 * one session that add the same attribute at once both succeed.
 */
@IntegrationTest
class SessionStoreIntegrationTest {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNodesCleanupSkipsWhatAnotherNodeIsDeletingAndLeavesLiveSessions() throws Exception {
		List<String> expired = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			expired.add(session(Instant.now().minus(Duration.ofHours(1))));
		}
		String live = session(Instant.now());

		// another node's cleanup holds the first expired session
		try (Connection otherNode = this.dataSource.getConnection()) {
			otherNode.setAutoCommit(false);
			try (var lock = otherNode
				.prepareStatement("select primary_id from spring_session where session_id = ? for update")) {
				lock.setString(1, expired.get(0));
				assertThat(lock.executeQuery().next()).isTrue();
			}
			try {
				CompletableFuture.runAsync(this.sessions::cleanUpExpiredSessions).get(10, TimeUnit.SECONDS);
				assertThat(exists(expired.get(1))).isFalse();
				assertThat(exists(expired.get(2))).isFalse();
				assertThat(exists(expired.get(0))).as("left to the node that holds it").isTrue();
			}
			finally {
				otherNode.rollback();
			}
		}
		// the next cleanup takes what was skipped
		this.sessions.cleanUpExpiredSessions();
		assertThat(exists(expired.get(0))).isFalse();
		assertThat(exists(live)).isTrue();
		assertThat(store().findById(live)).isNotNull();
	}

	@Test
	void twoRequestsOfOneSessionAddingTheSameAttributeBothSucceed() {
		String id = session(Instant.now());
		// each request reads the session before the other has saved it
		Session first = store().findById(id);
		Session second = store().findById(id);
		first.setAttribute("authenticatedUser", "first");
		second.setAttribute("authenticatedUser", "second");
		store().save(first);
		store().save(second);
		assertThat(store().findById(id).<String>getAttribute("authenticatedUser")).isEqualTo("second");
	}

	/** A session last used at the time, that expires 30 minutes after it. */
	private String session(Instant lastAccessed) {
		Session session = store().createSession();
		session.setMaxInactiveInterval(Duration.ofMinutes(30));
		session.setLastAccessedTime(lastAccessed);
		store().save(session);
		return session.getId();
	}

	// its sessions' class is not public
	@SuppressWarnings("unchecked")
	private SessionRepository<Session> store() {
		return (SessionRepository<Session>) (SessionRepository<?>) this.sessions;
	}

	private boolean exists(String id) {
		return this.jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class, id) > 0;
	}

}
