package org.columnist.column;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Profile facts a reader states in their own lines ({@code Age: 47}, {@code Industry:
 * Agribusiness}, {@code Title: Sales manager}, {@code Years at company: 5 (2 in current role)}),
 * used to prefill the client profile of the draft. Each field is null when not stated.
 */
public record ProfileHints(
    Integer age, String title, Integer yearsAtCompany, Integer yearsInRole, String industry) {
  private static final Pattern LINE =
      Pattern.compile("(?im)^[ \\t*_-]*([a-z][a-z ]{1,30}?)[ \\t]*[:=][ \\t]*(.+?)[ \\t]*$");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");
  private static final Pattern IN_ROLE =
      Pattern.compile(
          "(?i)(\\d{1,2})\\s*(?:years?\\s*)?(?:in|as)\\s+(?:the\\s+|my\\s+)?(?:current\\s+)?(?:role|position|job)");

  /** Reads the hints from a question's text. */
  public static ProfileHints from(String text) {
    Integer age = null;
    String title = null;
    Integer atCompany = null;
    Integer inRole = null;
    String industry = null;
    Matcher m = LINE.matcher(text);
    while (m.find()) {
      String value = m.group(2);
      switch (field(m.group(1))) {
        case "age" -> age = number(value, 10, 120, age);
        case "title" -> title = title == null ? limit(value) : title;
        case "industry" -> industry = industry == null ? limit(value) : industry;
        case "years at company" -> {
          atCompany = number(value, 0, 80, atCompany);
          Matcher role = IN_ROLE.matcher(value);
          if (role.find()) {
            inRole = number(role.group(1), 0, 80, inRole);
          }
        }
        case "years in role" -> inRole = number(value, 0, 80, inRole);
        default -> {}
      }
    }
    return new ProfileHints(age, title, atCompany, inRole, industry);
  }

  /**
   * The text without its hint lines, so that the reader's facts go to the profile only and are not
   * published as the first words of the question. A text without hints comes back as it was.
   */
  public static String withoutHints(String text) {
    StringBuilder rest = new StringBuilder(text.length());
    int from = 0;
    Matcher m = LINE.matcher(text);
    while (m.find()) {
      if (!field(m.group(1)).isEmpty()) {
        rest.append(text, from, m.start());
        from = Math.min(text.length(), m.end() + 1); // the line's own end too
      }
    }
    if (from == 0) {
      return text;
    }
    rest.append(text, from, text.length());
    return rest.toString().replaceFirst("\\A(?:[ \\t]*\\n)+", "").stripTrailing();
  }

  /** The profile field a hint's key names ("job title" is "title"), or "" for none. */
  private static String field(String key) {
    return switch (key.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ")) {
      case "age" -> "age";
      case "title", "job title", "job", "role", "position" -> "title";
      case "industry", "sector", "field" -> "industry";
      case "years at company",
              "years at the company",
              "years with company",
              "years with the company",
              "tenure" ->
          "years at company";
      case "years in role", "years in current role", "years in the role", "years in position" ->
          "years in role";
      default -> "";
    };
  }

  private static Integer number(String value, int min, int max, Integer otherwise) {
    Matcher n = NUMBER.matcher(value);
    if (otherwise == null && n.find()) {
      int v = Integer.parseInt(n.group());
      return v >= min && v <= max ? v : null;
    }
    return otherwise;
  }

  private static String limit(String value) {
    String v = value.strip();
    return v.length() > 120 ? v.substring(0, 120) : v;
  }
}
