package org.columnist.column;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The employer an address names: the registrable label of its domain ({@code
 * jane@mail.northfield-grain.example} → "northfield-grain"), unless the domain is a webmail or ISP
 * provider, which names none. Without the public suffix list the rule is simple: the registrable
 * label is the one before the last, or before the last two when those are a second-level suffix
 * such as {@code co.uk} or {@code com.au} (a generic word before a two-letter country code).
 */
final class Employer {
  // The one list of providers whose addresses say nothing of the reader's employer.
  private static final Set<String> PROVIDERS =
      Set.of(
          "gmail.com",
          "googlemail.com",
          "outlook.com",
          "live.com",
          "msn.com",
          "icloud.com",
          "me.com",
          "mac.com",
          "aol.com",
          "proton.me",
          "protonmail.com",
          "pm.me",
          "web.de",
          "mail.com",
          "fastmail.com",
          "zoho.com",
          "tutanota.com",
          "comcast.net",
          "verizon.net",
          "att.net",
          "sbcglobal.net",
          "btinternet.com",
          "orange.fr",
          "free.fr",
          "laposte.net",
          "t-online.de",
          "gmx.net",
          "libero.it",
          "mail.ru");

  /** Providers under any top-level domain: hotmail.co.uk, yahoo.fr, gmx.de, yandex.ru... */
  private static final Set<String> PROVIDERS_ANYWHERE = Set.of("hotmail", "yahoo", "gmx", "yandex");

  private static final Set<String> SECOND_LEVEL =
      Set.of("co", "com", "org", "net", "ac", "gov", "edu", "ne", "or");

  private static final int MIN_LETTERS = 3;

  private Employer() {}

  /** The employer's name as its domain spells it, or empty for a provider or no domain. */
  static Optional<String> label(String address) {
    if (address == null || address.indexOf('@') < 0) {
      return Optional.empty();
    }
    String[] labels =
        address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT).split("\\.");
    if (labels.length < 2) {
      return Optional.empty();
    }
    int last = labels.length - 1;
    int registrable =
        labels.length >= 3 && labels[last].length() == 2 && SECOND_LEVEL.contains(labels[last - 1])
            ? last - 2
            : last - 1;
    String label = labels[registrable];
    String domain = String.join(".", Arrays.copyOfRange(labels, registrable, labels.length));
    if (PROVIDERS.contains(domain)
        || PROVIDERS_ANYWHERE.contains(label)
        || label.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
      return Optional.empty();
    }
    return Optional.of(label);
  }

  /** Every spelling of the employer: its words apart, hyphenated or run together. */
  static Pattern spellings(String label) {
    return label.contains("-") ? Spellings.words(label) : Spellings.run(label);
  }
}
