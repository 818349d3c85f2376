package io.returnsdesk.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A parameter of a list of choices ({@code status=}, {@code type=}) sent empty is a
 * mistake, answered 400 like an unknown choice: Spring would read it as no choice at all
 * and answer everything, silently. Leaving the parameter out still means every choice.
 * Looks at the call's enum parameters and the enum fields of its parameter objects (the
 * search's filters).
 */
final class EmptyChoices implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			for (MethodParameter parameter : method.getMethodParameters()) {
				Class<?> type = parameter.getParameterType();
				if (type.isEnum()) {
					RequestParam named = parameter.getParameterAnnotation(RequestParam.class);
					String name = (named != null && !named.name().isEmpty()) ? named.name()
							: parameter.getParameterName();
					refuseEmpty(request, name, type);
				}
				else if (type.isRecord()) {
					for (RecordComponent component : type.getRecordComponents()) {
						if (component.getType().isEnum()) {
							refuseEmpty(request, component.getName(), component.getType());
						}
					}
				}
			}
		}
		return true;
	}

	private static void refuseEmpty(HttpServletRequest request, String name, Class<?> choices) {
		String value = (name != null) ? request.getParameter(name) : null;
		if (value != null && value.isBlank()) {
			throw new BadRequestException(name,
					"'%s' is not a valid value for %s; choose one of %s, or leave %s out for all of them".formatted(
							value, name,
							String.join(", ", Arrays.stream(choices.getEnumConstants()).map(String::valueOf).toList()),
							name));
		}
	}

}
