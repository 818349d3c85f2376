package io.returnsdesk.reporting;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the return analysis.
 *
 * @param returnRateThreshold a return rate above this share is flagged (0.05 is 5 %)
 */
@ConfigurationProperties("returns.reporting")
public record ReportingSettings(@DefaultValue("0.05") BigDecimal returnRateThreshold) {

}
