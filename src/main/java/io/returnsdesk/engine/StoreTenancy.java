package io.returnsdesk.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;

/**
 * Stores in the engine, by its own means: each store is a tenant (id the store's code,
 * its members the store's group), and a process instance started with the variable
 * {@value #STORE_VARIABLE} belongs to that store's tenant, and with it its tasks,
 * variables, jobs, incidents and history (the models stay shared). The engine's tenant
 * check then keeps a user bound to stores to their stores' instances in Tasklist, Cockpit
 * and {@code /engine-rest}: lists, counts, forms, variables, history, and commands on
 * another store's task or instance, which are refused as if it were not there.
 *
 * <p>
 * A user in no store's group belongs to no tenant: the head office, who works for every
 * store. For them (and for the application's own work) the check is off; the engine would
 * otherwise show them only what belongs to no store.
 *
 * <p>
 * Why tenants and not authorizations per instance: the engine lets a group's grant on a
 * task win over any group's revoke, so a grant to {@code storeS01} would give a warehouse
 * clerk of S01 the approvals of S01 too, and nothing could take another store's tasks
 * from {@code warehouse} without a rule per user.
 */
@Component
public class StoreTenancy extends AbstractProcessEnginePlugin {

	/** The start variable that names the instance's store. */
	public static final String STORE_VARIABLE = "storeCode";

	/** How the engine says that a command touched another tenant's task or instance. */
	public static final String REFUSED_TENANT = "because it belongs to no authenticated tenant";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantIdProvider(new StoreOfTheInstance());
		configuration.setCustomPostCommandInterceptorsTxRequired(
				withHeadOffice(configuration.getCustomPostCommandInterceptorsTxRequired()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				withHeadOffice(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
	}

	private static List<CommandInterceptor> withHeadOffice(List<CommandInterceptor> interceptors) {
		List<CommandInterceptor> all = (interceptors != null) ? new ArrayList<>(interceptors) : new ArrayList<>();
		all.add(new EveryStoreForTheHeadOffice());
		return all;
	}

	/**
	 * An instance's tenant: its store, or its caller's tenant; a decision its instance's.
	 */
	static final class StoreOfTheInstance implements TenantIdProvider {

		@Override
		public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
			if (context.getSuperExecution() != null) {
				return context.getSuperExecution().getTenantId();
			}
			Object store = (context.getVariables() != null) ? context.getVariables().get(STORE_VARIABLE) : null;
			return (store instanceof String code && !code.isBlank()) ? code : null;
		}

		@Override
		public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
			return null;
		}

		@Override
		public String provideTenantIdForHistoricDecisionInstance(
				TenantIdProviderHistoricDecisionInstanceContext context) {
			return (context.getExecution() != null) ? context.getExecution().getTenantId() : null;
		}

	}

	/** No tenant check for a logged-in user of no tenant: the head office. */
	static final class EveryStoreForTheHeadOffice extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			CommandContext context = Context.getCommandContext();
			Authentication user = (context != null) ? context.getAuthentication() : null;
			if (user == null || (user.getTenantIds() != null && !user.getTenantIds().isEmpty())
					|| !context.isTenantCheckEnabled()) {
				return this.next.execute(command);
			}
			context.disableTenantCheck();
			try {
				return this.next.execute(command);
			}
			finally {
				context.enableTenantCheck();
			}
		}

	}

}
