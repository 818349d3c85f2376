package io.returnsdesk.system;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.returnsdesk.catalog.StoreScope;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what (DESIGN.md, *Roles*): the one table of the API's calls and the desk's
 * pages per group. The security configuration enforces it, {@code docs/access.md} is
 * written from it and the test that walks every call by every demo user reads its
 * expectations from it, so that the three cannot drift apart. A call that no rule names
 * is open to every logged-in user (the API answers it 404 when it does not exist); a test
 * fails the build when a controller serves a call that no rule names.
 */
public final class AccessRules {

	/**
	 * The application's groups (Camunda groups of type WORKFLOW, and the administrators).
	 */
	public enum Role {

		SALES("sales"), APPROVERS("approvers"), MANAGERS("managers"), WAREHOUSE("warehouse"), FINANCE("finance"),
		ANALYSTS("analysts"), ADMINISTRATORS("camunda-admin");

		private final String group;

		Role(String group) {
			this.group = group;
		}

		/** The Camunda group's id. */
		public String group() {
			return this.group;
		}

		/** The authority a logged-in member holds. */
		public String authority() {
			return GROUP_AUTHORITY + this.group;
		}

	}

	/** The request attribute under which the desk's page of a refusal finds the rule. */
	public static final String REFUSED_RULE = AccessRules.class.getName() + ".refused";

	/** How a member of a group shows among a logged-in user's authorities. */
	public static final String GROUP_AUTHORITY = "GROUP_";

	/** How a member of a store's group shows among them: this, then the store's code. */
	public static final String STORE_AUTHORITY = "STORE_";

	private static final Set<Role> EVERY_GROUP = EnumSet.allOf(Role.class);

	/**
	 * A call or page by method and path pattern (Spring's path patterns: {@code *} one
	 * segment, {@code **} the rest).
	 */
	public record Door(HttpMethod method, String pattern) {

		private static final Map<String, PathPattern> PARSED = new ConcurrentHashMap<>();

		/** Whether the call goes through this door; a HEAD goes where its GET goes. */
		boolean matches(String method, String path) {
			String asked = "HEAD".equals(method) ? "GET" : method;
			return this.method.matches(asked) && parsed().matches(PathContainer.parsePath(path));
		}

		PathPattern parsed() {
			return PARSED.computeIfAbsent(this.pattern, PathPatternParser.defaultInstance::parse);
		}

		@Override
		public String toString() {
			return this.method.name() + " " + this.pattern;
		}

	}

	/**
	 * What the members of the groups may do, in English and Chinese, through these doors.
	 */
	public record Rule(String what, String whatZh, Set<Role> roles, List<Door> doors) {

		public Rule {
			roles = Set.copyOf(roles);
			doors = List.copyOf(doors);
		}

		/** Whether the user is in one of the rule's groups. */
		public boolean allows(Authentication user) {
			return user != null && user.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.anyMatch((authority) -> this.roles.stream().anyMatch((role) -> role.authority().equals(authority)));
		}

		/** The rule's groups, in the order of {@link Role}, as people read them. */
		public String groups() {
			if (this.roles.equals(EVERY_GROUP)) {
				return "every group";
			}
			return EnumSet.copyOf(this.roles).stream().map(Role::group).collect(Collectors.joining(", "));
		}

	}

	/**
	 * The table, in DESIGN.md's order. A call's rule is the one with the most specific
	 * door that matches it ({@code /returns/new} before {@code /returns/*}).
	 */
	public static final List<Rule> RULES = List.of(
			rule("read products, orders, stock and its movements", "查看商品、原始单据、库存与库存流水", EVERY_GROUP,
					get("/api/products"), get("/api/products/*/variants"), get("/api/orders"), get("/api/orders/*"),
					get("/api/stock"), get("/api/stock/movements")),
			rule("read and search returns, export them as CSV, read their proof", "查看、搜索、导出退货单，查看凭证", EVERY_GROUP,
					get("/api/returns"), get("/api/returns/export.csv"), get("/api/returns/*"),
					get("/api/returns/*/timeline"), get("/api/returns/*/process"), get("/api/returns/*/attachments"),
					get("/api/returns/*/attachments/*"), get("/returns"), get("/returns/notifications"),
					get("/returns/*")),
			rule("create, quote, revise and withdraw returns", "新建、试算、修改、撤回退货申请", EnumSet.of(Role.SALES),
					post("/api/returns"), post("/api/returns/quote"), put("/api/returns/*"),
					post("/api/returns/*/withdraw"), get("/returns/new")),
			rule("upload proof", "上传凭证", EnumSet.of(Role.SALES, Role.WAREHOUSE), post("/api/returns/*/attachments")),
			rule("read the books: journal, postings, trial balance, reconciliation, credit and debit notes",
					"查看账簿：序时账、分录、试算平衡表、库存对账、贷项与借项通知单", EnumSet.of(Role.FINANCE, Role.ANALYSTS), get("/api/finance/**"),
					get("/api/returns/*/credit-note"), get("/api/returns/*/credit-note.pdf"), get("/finance")),
			rule("read the reports and the process KPIs", "查看退货分析与流程指标",
					EnumSet.of(Role.ANALYSTS, Role.MANAGERS, Role.FINANCE), get("/api/reports/returns"),
					get("/api/reports/process"), get("/reports"), get("/reports/process")),
			rule("look after the mail outbox and rebuild the report summary", "管理邮件发件箱、重建报表汇总",
					EnumSet.of(Role.ADMINISTRATORS), get("/api/notifications/outbox"),
					post("/api/notifications/outbox/*/requeue"), post("/api/reports/returns/summary/rebuild")),
			rule("keep the webhooks and their deliveries", "管理 Webhook 及其投递", EnumSet.of(Role.ADMINISTRATORS),
					post("/api/webhooks"), get("/api/webhooks"), get("/api/webhooks/*"), delete("/api/webhooks/*"),
					get("/api/webhooks/deliveries"), post("/api/webhooks/deliveries/*/redeliver")),
			rule("read one's notifications and choose the language of one's e-mail", "查看自己的通知、选择邮件语言", EVERY_GROUP,
					get("/api/notifications"), get("/api/notifications/mail"), put("/api/notifications/mail")),
			rule("read the API's description", "查看接口说明", EVERY_GROUP, get("/v3/api-docs"), get("/v3/api-docs/**"),
					get("/v3/api-docs.yaml"), get("/swagger-ui.html"), get("/swagger-ui/**")));

	/**
	 * The public door: customer self-service, open to anyone without a login, stateless
	 * (no session, so no CSRF token), rate-limited per address and per number. No rule
	 * names these; they are the only calls and page open without a login.
	 */
	public static final List<Door> PUBLIC_DOORS = List.of(get("/api/public/orders/*"), post("/api/public/returns"),
			get("/api/public/returns/*"), get("/my-return"));

	private AccessRules() {
	}

	/**
	 * Whether the path is under the public door, whatever the method: no login is read
	 * there.
	 */
	public static boolean isPublicPath(String path) {
		return path.startsWith("/api/public/") || path.equals("/my-return");
	}

	/** Whether the call goes through the public door, open without a login. */
	public static boolean isPublic(String method, String path) {
		return PUBLIC_DOORS.stream().anyMatch((door) -> door.matches(method, path));
	}

	/** The rule of a call (its most specific door's); none for calls no rule names. */
	public static Optional<Rule> ruleFor(String method, String path) {
		Rule found = null;
		PathPattern closest = null;
		for (Rule rule : RULES) {
			for (Door door : rule.doors()) {
				if (door.matches(method, path) && (closest == null
						|| PathPattern.SPECIFICITY_COMPARATOR.compare(door.parsed(), closest) < 0)) {
					found = rule;
					closest = door.parsed();
				}
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * Whether the user may make the call: in one of its rule's groups, or no rule names
	 * it, or it goes through the public door.
	 */
	public static boolean allows(Authentication user, String method, String path) {
		if (isPublic(method, path)) {
			return true;
		}
		return ruleFor(method, path).map((rule) -> rule.allows(user)).orElse(user != null);
	}

	/** The refusal of a call its rule does not give the user, as a person reads it. */
	public static String refusal(Rule rule, Authentication user) {
		List<String> groups = (user != null) ? groupsOf(user) : List.of();
		return "Only %s may %s; %s".formatted(
				rule.groups().equals("every group") ? "members of a group" : rule.groups(), rule.what(),
				groups.isEmpty() ? "you are in no group yet: ask an administrator to add you to one"
						: "your groups are " + String.join(", ", groups));
	}

	/** The stores the user works for: those of their store groups, else every store. */
	public static StoreScope storesOf(Authentication user) {
		if (user == null) {
			return StoreScope.everyStore();
		}
		return StoreScope.of(user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(STORE_AUTHORITY))
			.map((authority) -> authority.substring(STORE_AUTHORITY.length()))
			.toList());
	}

	/** The user's groups, as the engine names them. */
	public static List<String> groupsOf(Authentication user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(GROUP_AUTHORITY))
			.map((authority) -> authority.substring(GROUP_AUTHORITY.length()))
			.sorted()
			.toList();
	}

	private static Rule rule(String what, String whatZh, Set<Role> roles, Door... doors) {
		return new Rule(what, whatZh, roles, Arrays.asList(doors));
	}

	private static Door get(String pattern) {
		return new Door(HttpMethod.GET, pattern);
	}

	private static Door post(String pattern) {
		return new Door(HttpMethod.POST, pattern);
	}

	private static Door put(String pattern) {
		return new Door(HttpMethod.PUT, pattern);
	}

	private static Door delete(String pattern) {
		return new Door(HttpMethod.DELETE, pattern);
	}

}
