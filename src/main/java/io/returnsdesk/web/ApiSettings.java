package io.returnsdesk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the JSON API.
 *
 * @param maxBodySize the largest request body the API reads, uploads aside (they have the
 * multipart limits); a return of a thousand lines is about 60 KB
 */
@ConfigurationProperties("returns.api")
record ApiSettings(@DefaultValue("1MB") DataSize maxBodySize) {

}
