package org.columnist.importer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.column.ClientProfile;

/**
 * The client profile block at the head of a column: "The Client" (or "Client profile") on a line of
 * its own, then {@code Name:}, {@code Age:}, {@code Title:}, {@code Years at company:}, {@code
 * Years in role:}, {@code Industry:}, {@code Issue:} lines, in any order, numbers in digits or
 * words. Collects the lines one at a time as {@link Layout} meets them.
 */
final class ProfileBlock {
  private static final Set<String> HEADINGS =
      Set.of("the client", "client", "client profile", "the client profile", "about the client");
  private static final Map<String, String> KEYS =
      Map.ofEntries(
          Map.entry("name", "name"),
          Map.entry("client", "name"),
          Map.entry("age", "age"),
          Map.entry("title", "title"),
          Map.entry("job title", "title"),
          Map.entry("position", "title"),
          Map.entry("role", "title"),
          Map.entry("years at company", "company"),
          Map.entry("years at the company", "company"),
          Map.entry("years with company", "company"),
          Map.entry("years with the company", "company"),
          Map.entry("years in role", "role"),
          Map.entry("years in current role", "role"),
          Map.entry("years in the role", "role"),
          Map.entry("industry", "industry"),
          Map.entry("sector", "industry"),
          Map.entry("issue", "issue"),
          Map.entry("the issue", "issue"));
  // "Name: Mary", "**Name:** Mary", "**Name**: Mary", "*Age:* 47"
  private static final Pattern KEY_LINE =
      Pattern.compile(
          "^(\\*\\*|__|\\*|_)?([A-Za-z][A-Za-z ]{1,30}?)[ \\t]*(\\1)?:(\\1)?[ \\t]*(.*)$");
  private static final Pattern IN_ROLE =
      Pattern.compile(
          "(?i)\\(\\s*([a-z0-9-]+)\\s+(?:years?\\s+)?in\\s+(?:the\\s+|her\\s+|his\\s+)?"
              + "(?:current\\s+)?(?:role|position|job)\\s*\\)");

  private record Value(String text, int line) {}

  private final Map<String, Value> values = new LinkedHashMap<>();
  private String lastKey;

  /** Whether {@code line} is the heading that opens a profile block. */
  static boolean isHeading(String line) {
    String text = Markup.plain(line).replaceFirst("[ \\t]*:$", "");
    return HEADINGS.contains(text.toLowerCase(Locale.ROOT));
  }

  /** Takes {@code line} (file line {@code at}) when it is a profile line; says whether it was. */
  boolean take(String line, int at) {
    Matcher m = KEY_LINE.matcher(Markup.unheaded(line));
    String field = m.matches() ? KEYS.get(m.group(2).strip().toLowerCase(Locale.ROOT)) : null;
    if (field == null || m.group(5).isBlank() || values.containsKey(field)) {
      lastKey = null;
      return false;
    }
    values.put(field, new Value(m.group(5).strip(), at));
    lastKey = field;
    return true;
  }

  /**
   * Takes {@code line} as the rest of the value on the line before, as a plain text file wraps a
   * long {@code Issue:}; says whether it did.
   */
  boolean continues(String line) {
    if (lastKey == null || line.isBlank() || Marker.of(line).isPresent()) {
      return false;
    }
    Value before = values.get(lastKey);
    values.put(lastKey, new Value(before.text() + " " + Markup.unheaded(line), before.line()));
    return true;
  }

  /** Ends the value a wrapped line may continue: a blank line or another kind of line came. */
  void pause() {
    lastKey = null;
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The issue the block states, or null. */
  String issue() {
    return values.containsKey("issue") ? values.get("issue").text() : null;
  }

  /** The file line of the profile's first line, for a warning about the profile. */
  int firstLine() {
    return values.values().iterator().next().line();
  }

  /**
   * The profile, its issue {@code issue} (the block's or the fallback); a value the archive would
   * refuse is cleaned or dropped with a warning through {@code fields}.
   */
  ClientProfile profile(String issue, FieldText fields) {
    Integer company = number("company", 0, 80, "years at company", fields);
    Integer role = number("role", 0, 80, "years in role", fields);
    Value atCompany = values.get("company");
    if (role == null && atCompany != null) {
      Matcher m = IN_ROLE.matcher(atCompany.text());
      OptionalInt inRole = m.find() ? WordNumbers.leading(m.group(1)) : OptionalInt.empty();
      role = inRole.isPresent() && inRole.getAsInt() <= 80 ? inRole.getAsInt() : null;
    }
    return new ClientProfile(
        text("name", fields),
        number("age", 10, 120, "age", fields),
        text("title", fields),
        company,
        role,
        text("industry", fields),
        fields.line(issue, "issue", values.containsKey("issue") ? values.get("issue").line() : 0));
  }

  private String text(String key, FieldText fields) {
    Value value = values.get(key);
    return value == null ? null : fields.line(value.text(), key, value.line());
  }

  private Integer number(String key, int min, int max, String what, FieldText fields) {
    Value value = values.get(key);
    if (value == null) {
      return null;
    }
    OptionalInt n = WordNumbers.leading(value.text());
    if (n.isEmpty() || n.getAsInt() < min || n.getAsInt() > max) {
      fields.warn(
          value.line(),
          what
              + " '"
              + value.text()
              + "' is not a number from "
              + min
              + " to "
              + max
              + "; left out of the profile");
      return null;
    }
    return n.getAsInt();
  }
}
