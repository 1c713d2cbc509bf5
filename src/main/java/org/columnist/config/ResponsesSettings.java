package org.columnist.config;

import java.time.Duration;
import org.columnist.yaml.YamlMapping;

/**
 * The {@code responses:} section of the config: readers' responses under a column.
 *
 * @param trustReturning whether a confirmed response from an address the coach has approved before
 *     appears without waiting for the coach
 * @param closeAfter how long after its date a column takes responses
 */
public record ResponsesSettings(boolean trustReturning, Duration closeAfter) {

  /** The defaults of a config without a {@code responses:} section. */
  public static final ResponsesSettings DEFAULTS = new ResponsesSettings(true, Duration.ofDays(90));

  static ResponsesSettings read(YamlMapping map) {
    ResponsesSettings settings =
        new ResponsesSettings(
            map.bool("trust_returning", DEFAULTS.trustReturning()),
            map.duration("close_after", DEFAULTS.closeAfter()));
    map.rejectUnknownKeys();
    return settings;
  }
}
