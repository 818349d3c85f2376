package io.returnsdesk.system.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The models of {@code processes/} on a class path (BPMN, DMN, forms), named relative to
 * that folder as Camunda names them, read from directories and jars alike, the executable
 * jar included.
 */
final class ProcessResources {

	static final String ROOT = "processes/";

	private static final List<String> SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");

	private ProcessResources() {
	}

	/** Name and content of each model below {@code processes/}. */
	static Map<String, byte[]> in(ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		Map<String, byte[]> found = new TreeMap<>();
		try {
			for (Resource root : resolver.getResources("classpath*:" + ROOT)) {
				String rootUri = root.getURI().toString();
				for (Resource resource : resolver.getResources(rootUri + "**/*")) {
					String uri = resource.getURI().toString();
					String name = uri.startsWith(rootUri) ? uri.substring(rootUri.length())
							: uri.substring(uri.lastIndexOf("/" + ROOT) + ROOT.length() + 1);
					if (SUFFIXES.stream().anyMatch(name::endsWith)) {
						found.putIfAbsent(name, resource.getContentAsByteArray());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the models below " + ROOT, ex);
		}
		return found;
	}

}
