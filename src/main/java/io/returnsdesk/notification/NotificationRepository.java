package io.returnsdesk.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	List<Notification> findByReferenceOrderById(String reference);

}
