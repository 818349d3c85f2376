package io.returnsdesk.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.returnsdesk.webhooks.internal.TargetGuard.TargetRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetGuardTest {

	static final Map<String, String> DNS = Map.of("erp.example.com", "93.184.216.34", "intranet.example.com",
			"10.1.2.3", "mixed.example.com", "93.184.216.34,192.168.0.7", "v6.example.com", "2606:2800:220:1::1");

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1/hook", "http://127.8.9.10/", "http://localhost:8080/hook",
			"http://[::1]/hook", "http://10.0.0.1/", "http://172.16.5.4/", "http://172.31.255.255/",
			"http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/", "http://[fd12::1]/",
			"http://[fc00::1]/", "http://0.0.0.0/", "http://[::]/", "http://100.64.0.1/", "http://224.0.0.1/",
			"http://intranet.example.com/", "http://mixed.example.com/", "http://nowhere.example.com/" })
	void refusesTheMachineAndPrivateNetworks(String url) {
		TargetGuard guard = guard(false, List.of());
		assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(TargetRefusedException.class)
			.hasMessageContaining("host");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://erp.example.com/returns", "http://93.184.216.34/", "https://v6.example.com/",
			"http://172.32.0.1/", "http://100.128.0.1/", "http://[2606:2800:220:1::1]/" })
	void allowsPublicAddresses(String url) {
		assertThatNoException().isThrownBy(() -> guard(false, List.of()).check(URI.create(url)));
	}

	@Test
	void allowsLoopbackOnlyWhereLoopbackIsAllowed() {
		TargetGuard demo = guard(true, List.of());
		assertThatNoException().isThrownBy(() -> demo.check(URI.create("http://127.0.0.1:9000/hook")));
		assertThatNoException().isThrownBy(() -> demo.check(URI.create("http://localhost:9000/hook")));
		assertThatThrownBy(() -> demo.check(URI.create("http://10.0.0.1/"))).isInstanceOf(TargetRefusedException.class);
	}

	@Test
	void allowsAListedHostByItsNameAsWritten() {
		TargetGuard guard = guard(false, List.of(" Intranet.Example.com ", "127.0.0.1"));
		assertThatNoException().isThrownBy(() -> guard.check(URI.create("https://intranet.example.com/hook")));
		assertThatNoException().isThrownBy(() -> guard.check(URI.create("http://127.0.0.1:8080/")));
		assertThatThrownBy(() -> guard.check(URI.create("http://localhost:8080/")))
			.isInstanceOf(TargetRefusedException.class)
			.hasMessageContaining("loopback");
	}

	@Test
	void saysWhatTheHostResolvesTo() {
		assertThatThrownBy(() -> guard(false, List.of()).check(URI.create("http://intranet.example.com/")))
			.hasMessage("The host intranet.example.com resolves to 10.1.2.3, a private address; webhooks go to public "
					+ "addresses only, unless the host is in returns.webhooks.allowed-hosts");
	}

	static TargetGuard guard(boolean allowLoopback, List<String> allowedHosts) {
		WebhookSettings settings = new WebhookSettings(true, Duration.ofSeconds(5), 10, 8, Duration.ofSeconds(30),
				Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(1), allowLoopback,
				allowedHosts);
		return new TargetGuard(settings, TargetGuardTest::resolve);
	}

	// a name server of our own: no test asks the network
	static InetAddress[] resolve(String host) throws UnknownHostException {
		if (host.equals("localhost")) {
			return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
		}
		if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
			// a literal address: parsed, never looked up
			return new InetAddress[] { InetAddress.getByName(host) };
		}
		String addresses = DNS.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		String[] each = addresses.split(",");
		InetAddress[] resolved = new InetAddress[each.length];
		for (int i = 0; i < each.length; i++) {
			resolved[i] = InetAddress.getByName(each[i]);
		}
		return resolved;
	}

}
