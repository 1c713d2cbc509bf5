package org.columnist.column;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks through a column for what would identify its reader: their e-mail address, the parts of the
 * name in their From header, the employer their address's domain names (not a webmail provider's),
 * the name, job, company and phone number of their signature, any e-mail address (also written out
 * as "jane at example dot com"), and phone numbers in common national and international forms.
 * Publication waits until the coach removes them or overrides the check with a reason.
 */
public final class PrivacyCheck {
  // Each pattern may start only where a run of address characters starts: any later start in the
  // same run finds nothing the first did not, and trying each one made a long run quadratic.
  private static final Pattern EMAIL =
      Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern SPELLED_EMAIL =
      Pattern.compile(
          "(?i)(?<![\\w.+-])[\\w.+-]+\\s*[\\[(<{]?\\s*\\bat\\b\\s*[\\])>}]?\\s*[\\w-]+(?:\\s*[\\[(<{]?\\s*(?:\\bdot\\b|\\.)\\s*[\\])>}]?\\s*[\\w-]+)*\\s*[\\[(<{]?\\s*(?:\\bdot\\b|\\.)\\s*[\\])>}]?\\s*(?:com|org|net|edu|gov|io|co|uk|de|fr|ca|au|info|biz|me)\\b");

  /** Digit runs with separators: a phone number has 7 to 15 digits (E.164 allows 15). */
  private static final Pattern PHONE_CANDIDATE =
      Pattern.compile(
          "(?<![\\w.,/:-])(?:\\+|00)?\\(?\\d[\\d\\s().-]{5,20}\\d(?![\\w/%:-]|[.,]\\d)");

  private static final Pattern DATE_LIKE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}");

  private PrivacyCheck() {}

  /** One thing that may identify the reader, and where it was found. */
  public record Finding(String kind, String text, String where) {
    @Override
    public String toString() {
      return kind + " \"" + text + "\" in " + where;
    }
  }

  /**
   * Who wrote what is checked: the address, the From (or form) name and the signature intake cut
   * from their mail; any may be null.
   */
  public record Writer(String address, String name, String signature) {
    /** A writer known only by address and name (a form, say). */
    public Writer(String address, String name) {
      this(address, name, null);
    }
  }

  /**
   * What in {@code column} may identify the reader whose address is {@code readerAddress} and whose
   * From header named them {@code readerName} (either may be null).
   */
  public static List<Finding> findings(Column column, String readerAddress, String readerName) {
    return findings(column, new Writer(readerAddress, readerName));
  }

  /** What in {@code column} may identify {@code writer} or anyone else. */
  public static List<Finding> findings(Column column, Writer writer) {
    Set<Finding> found = new LinkedHashSet<>();
    for (Part part : parts(column)) {
      found.addAll(inText(part.where(), part.text(), writer));
    }
    return new ArrayList<>(found);
  }

  /**
   * What in {@code text} (a response, say), found at {@code where}, may identify {@code writer} or
   * anyone else (addresses, phone numbers).
   */
  public static List<Finding> inText(String where, String text, Writer writer) {
    Set<Finding> found = new LinkedHashSet<>();
    String lower = text.toLowerCase(Locale.ROOT);
    String address = writer.address();
    if (address != null && !address.isBlank() && lower.contains(address.toLowerCase(Locale.ROOT))) {
      found.add(new Finding("the reader's address", address, where));
    }
    KnownDetails known = KnownDetails.of(writer);
    Set<String> said = new HashSet<>();
    for (KnownDetails.Detail detail : known.details()) {
      Matcher m = detail.spellings().matcher(text);
      // What an earlier detail found (the employer, say, that the signature names too) once.
      if (m.find() && said.add(m.group().toLowerCase(Locale.ROOT))) {
        found.add(new Finding(detail.kind(), m.group(), where));
      }
    }
    add(found, "an e-mail address", EMAIL, text, where);
    add(found, "an e-mail address written out", SPELLED_EMAIL, text, where);
    Matcher phone = PHONE_CANDIDATE.matcher(text);
    while (phone.find()) {
      if (isPhone(phone.group())) {
        String kind =
            known.signedPhone(phone.group().replaceAll("\\D", ""))
                ? KnownDetails.SIGNATURE_PHONE
                : "a phone number";
        found.add(new Finding(kind, phone.group().strip(), where));
      }
    }
    return new ArrayList<>(found);
  }

  private static boolean isPhone(String candidate) {
    String digits = candidate.replaceAll("\\D", "");
    if (digits.length() < 7
        || digits.length() > 15
        || DATE_LIKE.matcher(candidate.strip()).matches()) {
      return false;
    }
    // Years, amounts and counts are runs without separators or with a single space; phone
    // numbers group their digits ("555 0142", "(312) 555-0142", "+44 20 7946 0958").
    boolean grouped = candidate.strip().matches(".*\\d[\\s().-]+\\d.*");
    boolean international = candidate.strip().startsWith("+") || candidate.strip().startsWith("00");
    return international || grouped || digits.length() >= 10;
  }

  private static void add(
      Set<Finding> found, String kind, Pattern pattern, String text, String where) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(new Finding(kind, m.group(), where));
    }
  }

  private record Part(String where, String text) {}

  private static List<Part> parts(Column c) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("the title", c.title()));
    ClientProfile p = c.client();
    for (String[] field :
        new String[][] {
          {"name", p.name()}, {"title", p.title()}, {"industry", p.industry()}, {"issue", p.issue()}
        }) {
      if (field[1] != null) {
        parts.add(new Part("client." + field[0], field[1]));
      }
    }
    parts.add(new Part("the tags", String.join(", ", c.tags())));
    for (Section s : Section.values()) {
      parts.add(new Part("'" + s.heading() + "'", c.section(s)));
    }
    return parts;
  }
}
