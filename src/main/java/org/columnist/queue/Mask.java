package org.columnist.queue;

/** Hides who a reader is on screen until the coach asks to see it ({@code --reveal}). */
public final class Mask {
  private Mask() {}

  /** "mary@example.com" becomes "m***@e******.com". */
  public static String address(String address) {
    if (address == null) {
      return null;
    }
    int at = address.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    String domain = address.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String host = dot > 0 ? domain.substring(0, dot) : domain;
    return address.charAt(0)
        + "***@"
        + (host.isEmpty() ? "" : host.charAt(0) + "*".repeat(Math.max(1, host.length() - 1)))
        + (dot > 0 ? domain.substring(dot) : "");
  }

  private static final java.util.regex.Pattern ADDRESS_IN_TEXT =
      java.util.regex.Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;()\\[\\]]+");

  /** Every address in {@code text} masked: "550 <mary@example.com> unknown" shows no reader. */
  public static String addressesIn(String text) {
    return text == null
        ? null
        : ADDRESS_IN_TEXT.matcher(text).replaceAll(m -> address(m.group()).replace("$", "\\$"));
  }

  /** "Mary Reader" becomes "M*** R***". */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    for (String word : name.strip().split("\\s+")) {
      out.append(out.length() == 0 ? "" : " ")
          .append(
              word.codePoints()
                  .limit(1)
                  .collect(
                      StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
          .append("***");
    }
    return out.toString();
  }
}
