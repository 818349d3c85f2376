package io.returnsdesk.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.catalog.Stores;
import io.returnsdesk.reporting.ReportingSettings;
import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnReason;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.system.AccessRules;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The desk's pages: history, new return, return detail, reports, the books,
 * notifications, login. The pages are shells that read and write through the JSON API, in
 * the user's language.
 */
@Controller
class DeskController {

	private final Stores stores;

	private final ObjectMapper json;

	private final ZoneId zone;

	private final ReportingSettings reporting;

	DeskController(Stores stores, ObjectMapper json, Clock clock, ReportingSettings reporting) {
		this.stores = stores;
		this.json = json;
		this.zone = clock.getZone();
		this.reporting = reporting;
	}

	@ModelAttribute
	void common(Model model, Locale locale, Authentication user, CsrfToken csrf) throws JsonProcessingException {
		String lang = DeskConfiguration.supported(locale).getLanguage();
		model.addAttribute("lang", lang);
		model.addAttribute("user", (user != null) ? user.getName() : null);
		model.addAttribute("readsBooks", readsBooks(user));
		// the desk offers only what the table of calls gives the user
		Map<String, Boolean> may = new LinkedHashMap<>();
		may.put("createReturns", AccessRules.allows(user, "POST", "/api/returns"));
		may.put("uploadProof", AccessRules.allows(user, "POST", "/api/returns/RT/attachments"));
		may.put("readReports", AccessRules.allows(user, "GET", "/api/reports/returns"));
		may.put("readBooks", readsBooks(user));
		model.addAttribute("may", may);
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("user", (user != null) ? user.getName() : null);
		config.put("lang", lang);
		// times show on the merchant's clock, wherever the browser is
		config.put("timeZone", this.zone.getId());
		config.put("csrfHeader", (csrf != null) ? csrf.getHeaderName() : null);
		config.put("csrfToken", (csrf != null) ? csrf.getToken() : null);
		config.put("returnRateThreshold", this.reporting.returnRateThreshold());
		config.put("messages", jsMessages(locale));
		config.put("may", may);
		// read by the scripts from a JSON block: no inline script, and no way to close
		// the block early
		model.addAttribute("deskConfig", this.json.writeValueAsString(config).replace("<", "\\u003c"));
		model.addAttribute("statuses", ReturnStatus.values());
		model.addAttribute("reasons", ReturnReason.values());
		model.addAttribute("resolutions", Resolution.values());
		model.addAttribute("types", ReturnType.values());
		model.addAttribute("refundMethods", RefundMethod.values());
	}

	@GetMapping("/")
	String home() {
		return "redirect:/returns";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	// the filters offer only the user's stores, as the API answers only theirs

	@GetMapping("/returns")
	String history(Model model, StoreScope scope) {
		model.addAttribute("stores", this.stores.within(scope));
		return "returns";
	}

	@GetMapping("/reports")
	String reports(Model model, StoreScope scope) {
		model.addAttribute("stores", this.stores.within(scope));
		return "reports";
	}

	@GetMapping("/reports/process")
	String processKpis() {
		return "process-kpis";
	}

	/** The books: journal, trial balance, reconciliation and notes. */
	@GetMapping("/finance")
	String finance() {
		return "finance";
	}

	/**
	 * What a refused page was for and who may open it (with the 403 the refusal set), in
	 * the user's language.
	 */
	@GetMapping("/not-allowed")
	String notAllowed(HttpServletRequest request, Model model, Locale locale) {
		// a rule of every group refuses only users in none: the page then says the
		// general word
		if (request.getAttribute(AccessRules.REFUSED_RULE) instanceof AccessRules.Rule rule
				&& rule.roles().size() < AccessRules.Role.values().length) {
			boolean chinese = "zh".equals(DeskConfiguration.supported(locale).getLanguage());
			model.addAttribute("refusedWhat", chinese ? rule.whatZh() : rule.what());
			model.addAttribute("refusedGroups", rule.groups());
		}
		return "not-allowed";
	}

	@GetMapping("/returns/new")
	String newReturn() {
		return "new-return";
	}

	@GetMapping("/returns/notifications")
	String notifications() {
		return "notifications";
	}

	@GetMapping("/returns/{number}")
	String detail(@PathVariable String number, Model model) {
		model.addAttribute("number", number);
		return "return-detail";
	}

	/**
	 * Whether the user reads the books: asked of the table of calls, so that the desk
	 * never offers what the API refuses.
	 */
	static boolean readsBooks(Authentication user) {
		return AccessRules.allows(user, "GET", "/api/finance/postings");
	}

	/** The texts the pages' scripts show, in the user's language. */
	static Map<String, String> jsMessages(Locale locale) {
		ResourceBundle bundle = ResourceBundle.getBundle("messages", DeskConfiguration.supported(locale),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		Map<String, String> messages = new TreeMap<>();
		for (String key : bundle.keySet()) {
			if (key.startsWith("js.") || key.startsWith("status.") || key.startsWith("reason.")
					|| key.startsWith("resolution.") || key.startsWith("type.") || key.startsWith("refund.")
					|| key.startsWith("timeline.") || key.startsWith("movement.") || key.startsWith("report.")
					|| key.startsWith("kpi.") || key.startsWith("books.")) {
				messages.put(key, bundle.getString(key));
			}
		}
		return messages;
	}

}
