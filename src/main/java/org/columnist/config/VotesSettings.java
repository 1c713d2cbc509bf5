package org.columnist.config;

import org.columnist.yaml.YamlMapping;

/**
 * The {@code votes:} section of the config: "Was this helpful?" under a column.
 *
 * @param showFrom a column's page says how many readers found it helpful once that many have
 */
public record VotesSettings(int showFrom) {

  /** The defaults of a config without a {@code votes:} section. */
  public static final VotesSettings DEFAULTS = new VotesSettings(3);

  static VotesSettings read(YamlMapping map) {
    VotesSettings settings =
        new VotesSettings(map.integer("show_from", 1, 1_000_000).orElse(DEFAULTS.showFrom()));
    map.rejectUnknownKeys();
    return settings;
  }
}
