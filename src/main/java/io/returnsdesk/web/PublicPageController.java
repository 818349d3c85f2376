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
import io.returnsdesk.returns.ReturnReason;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public page of self-service: a customer asks for a return of their order and
 * follows it, in Chinese or English, on a phone as well as a desk. It reads and writes
 * through {@code /api/public} only, and shows nothing of the staff.
 */
@Controller
class PublicPageController {

	private final ObjectMapper json;

	private final ZoneId zone;

	PublicPageController(ObjectMapper json, Clock clock) {
		this.json = json;
		this.zone = clock.getZone();
	}

	@GetMapping("/my-return")
	String page(Model model, Locale locale) throws JsonProcessingException {
		Locale language = DeskConfiguration.supported(locale);
		model.addAttribute("lang", language.getLanguage());
		model.addAttribute("reasons", ReturnReason.values());
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("lang", language.getLanguage());
		config.put("timeZone", this.zone.getId());
		config.put("messages", messages(language));
		model.addAttribute("pageConfig", this.json.writeValueAsString(config).replace("<", "\\u003c"));
		return "my-return";
	}

	private static Map<String, String> messages(Locale language) {
		ResourceBundle bundle = ResourceBundle.getBundle("messages", language,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		Map<String, String> messages = new TreeMap<>();
		for (String key : bundle.keySet()) {
			if (key.startsWith("selfservice.") || key.startsWith("status.")) {
				messages.put(key, bundle.getString(key));
			}
		}
		return messages;
	}

}
