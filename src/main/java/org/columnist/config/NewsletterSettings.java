package org.columnist.config;

import java.nio.file.Path;
import java.time.Duration;
import org.columnist.yaml.YamlMapping;

/**
 * The {@code newsletter:} section of the config: how fast columns go out to subscribers, how old a
 * column may be and still be mailed, how long a confirmation link works, and DKIM signing for a
 * relay that does not sign.
 *
 * @param ratePerMinute messages per minute at most, across restarts
 * @param maxAge a column older than this when its turn comes is not mailed without {@code --force}
 * @param confirmWithin how long a confirmation link works
 * @param dkim the signing key, or null to leave signing to the relay
 */
public record NewsletterSettings(
    int ratePerMinute, Duration maxAge, Duration confirmWithin, Dkim dkim) {

  /** The defaults of a config without a {@code newsletter:} section. */
  public static final NewsletterSettings DEFAULTS =
      new NewsletterSettings(600, Duration.ofDays(3), Duration.ofDays(7), null);

  /** DKIM signing: {@code d=domain}, {@code s=selector}, the PKCS#8 private key in a file. */
  public record Dkim(String domain, String selector, Path privateKeyFile) {}

  static NewsletterSettings read(YamlMapping map, Path instance) {
    NewsletterSettings settings =
        new NewsletterSettings(
            map.integer("rate", 1, 1_000_000).orElse(DEFAULTS.ratePerMinute()),
            map.duration("max_age", DEFAULTS.maxAge()),
            map.duration("confirm_within", DEFAULTS.confirmWithin()),
            map.mapping("dkim").map(d -> dkim(d, instance)).orElse(null));
    map.rejectUnknownKeys();
    return settings;
  }

  private static Dkim dkim(YamlMapping map, Path instance) {
    Dkim dkim =
        new Dkim(
            map.requiredText("domain").orElse(""),
            map.requiredText("selector").orElse(""),
            instance.resolve(map.requiredText("private_key_file").orElse("")));
    map.rejectUnknownKeys();
    return dkim;
  }
}
