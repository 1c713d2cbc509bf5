package org.columnist.column;

import java.util.regex.Pattern;

/**
 * The "Re:" and "Fwd:" that mail programs put before a subject, in the languages readers write in
 * (German "AW:", Scandinavian "SV:"). Intake looks past them for a command; a draft's title leaves
 * them out.
 */
public final class ReplyPrefix {
  private static final Pattern PREFIXES = Pattern.compile("(?i)^((re|aw|sv|fw|fwd)\\s*:\\s*)+");

  private ReplyPrefix() {}

  /** {@code subject} without the reply and forward prefixes it starts with, however many. */
  public static String strip(String subject) {
    return PREFIXES.matcher(subject).replaceFirst("");
  }
}
