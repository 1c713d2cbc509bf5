package org.columnist.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.columnist.Blank;
import org.columnist.mail.SiteQuestions;
import org.columnist.newsletter.Subscribers;

/**
 * The ask form's fields, checked at the edge: what was typed (to draw the form again, nothing
 * lost), what is wrong with it in words a reader understands, and, when nothing is, the question
 * with its profile lines on lines of their own ({@code Age: 47}), as a reader would write them in a
 * mail, so that the queue reads both alike.
 */
record AskInput(Map<String, String> typed, List<String> problems, SiteQuestions.Asked asked) {
  static final int MAX_QUESTION = 20_000;
  static final int MAX_LINE = 200;

  /** The form's fields, in the order the form has them. */
  static final List<String> FIELDS =
      List.of(
          "question",
          "subject",
          "age",
          "title",
          "years_company",
          "years_role",
          "industry",
          "email",
          "name",
          "consent");

  /**
   * A profile field: its form field, its words on the page, its line in the body, and for a number
   * the range it must be in ({@code max} 0 for a line of text).
   */
  private record Profile(String field, String label, String line, int min, int max) {
    boolean number() {
      return max > 0;
    }
  }

  // In the order of the form, and with the keys ProfileHints reads.
  private static final List<Profile> PROFILE =
      List.of(
          new Profile("age", "Your age", "Age", 10, 120),
          new Profile("title", "The job title", "Title", 0, 0),
          new Profile("years_company", "Years at the company", "Years at company", 0, 80),
          new Profile("years_role", "Years in the role", "Years in role", 0, 80),
          new Profile("industry", "The industry", "Industry", 0, 0));

  static AskInput of(FormBody.Fields fields) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String name : FIELDS) {
      String value = fields.get(name);
      typed.put(name, value == null ? "" : value);
    }
    List<String> problems = new ArrayList<>();
    String question = typed.get("question").strip();
    Optional<String> address = required(typed, question, problems);
    StringBuilder profile = new StringBuilder();
    for (Profile p : PROFILE) {
      String value = typed.get(p.field()).strip().replaceAll("\\s+", " ");
      Optional<String> problem = problem(p, value);
      if (problem.isPresent()) {
        problems.add(problem.get());
      } else if (!value.isEmpty()) {
        profile.append(p.line()).append(": ").append(value).append("\n");
      }
    }
    for (String name : List.of("subject", "name")) {
      if (typed.get(name).strip().length() > MAX_LINE) {
        problems.add(
            (name.equals("subject") ? "The title" : "Your name")
                + " is too long; please use at most "
                + MAX_LINE
                + " characters.");
      }
    }
    if (!problems.isEmpty()) {
      return new AskInput(typed, List.copyOf(problems), null);
    }
    return new AskInput(
        typed,
        List.of(),
        new SiteQuestions.Asked(
            // As intake keeps a sender: a reply that withdraws it must find it.
            address.get().toLowerCase(Locale.ROOT),
            Blank.toNull(typed.get("name").strip()),
            Blank.toNull(typed.get("subject").strip()),
            question,
            profile.toString().strip()));
  }

  /**
   * Notes in {@code problems} what the fields every question needs lack (the question, an address,
   * the consent); returns the address, when it is one.
   */
  private static Optional<String> required(
      Map<String, String> typed, String question, List<String> problems) {
    if (question.isEmpty()) {
      problems.add("Please write your question.");
    } else if (question.length() > MAX_QUESTION) {
      problems.add(
          "Your question is "
              + question.length()
              + " characters long; please shorten it to at most "
              + MAX_QUESTION
              + ".");
    }
    Optional<String> address = Subscribers.address(typed.get("email"));
    if (address.isEmpty()) {
      problems.add(
          "Please give the e-mail address the answer should go to, such as name@example.com.");
    }
    if (!"yes".equals(typed.get("consent"))) {
      problems.add(
          "Please tick the box that lets the column publish your question anonymised: without it"
              + " the question cannot be answered in the column.");
    }
    return address;
  }

  /** What is wrong with {@code value} typed for {@code p}, if anything; empty is fine. */
  private static Optional<String> problem(Profile p, String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!p.number()) {
      return value.length() > MAX_LINE
          ? Optional.of(p.label() + " is too long; please use at most " + MAX_LINE + " characters.")
          : Optional.empty();
    }
    boolean fits =
        value.matches("\\d{1,3}")
            && Integer.parseInt(value) >= p.min()
            && Integer.parseInt(value) <= p.max();
    return fits
        ? Optional.empty()
        : Optional.of(
            p.label() + " must be a whole number from " + p.min() + " to " + p.max() + ".");
  }
}
