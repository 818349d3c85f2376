package io.returnsdesk.notification;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	List<Notification> findByReferenceOrderById(String reference);

	/**
	 * A user's and their groups' notifications, of the stores only unless
	 * {@code everyStore}: news of no store is the head office's.
	 */
	@Query(value = """
			select n from Notification n
			where (n.recipientUser = :user or n.recipientGroup in :groups)
			  and (:everyStore = true or n.storeCode in :stores)
			order by n.createdAt desc, n.id desc""", countQuery = """
			select count(n) from Notification n
			where (n.recipientUser = :user or n.recipientGroup in :groups)
			  and (:everyStore = true or n.storeCode in :stores)""")
	Page<Notification> inbox(@Param("user") String user, @Param("groups") Collection<String> groups,
			@Param("everyStore") boolean everyStore, @Param("stores") Collection<String> stores, Pageable pageable);

}
