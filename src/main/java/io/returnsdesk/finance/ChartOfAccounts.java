package io.returnsdesk.finance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChartOfAccounts extends JpaRepository<ChartAccount, String> {

	List<ChartAccount> findAllByOrderByCode();

}
