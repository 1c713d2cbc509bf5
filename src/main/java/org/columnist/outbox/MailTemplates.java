package org.columnist.outbox;

import java.util.List;
import java.util.Map;
import org.columnist.ColumnistException;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/**
 * Renders the mails sent to readers from {@code templates/mail/NAME.ftl}: its first line is {@code
 * Subject: …}, the text follows; {@code NAME.ftlh}, if present, adds an HTML part.
 */
public final class MailTemplates {
  private final Templates templates;
  private final Config config;

  public MailTemplates(Templates templates, Config config) {
    this.templates = templates;
    this.config = config;
  }

  /** The reader's mail for {@code name}; {@code model} adds to site, coach and column. */
  public OutgoingMail render(
      String name,
      String to,
      Map<String, ?> model,
      String inReplyTo,
      List<String> references,
      Long questionId) {
    Map<String, Object> all = new java.util.HashMap<>(model);
    all.put(
        "site",
        Map.of(
            "title",
            config.site().title(),
            "base_url",
            config.site().baseUrl().toString(),
            "language",
            config.site().language()));
    all.put("coach", Map.of("name", config.coach().name(), "bio", config.coach().bio()));
    all.put("column", Map.of("address", config.column().address()));
    String rendered = templates.render("mail/" + name + ".ftl", all);
    int newline = rendered.indexOf('\n');
    String first = newline < 0 ? rendered : rendered.substring(0, newline);
    if (!first.startsWith("Subject:")) {
      throw new ColumnistException(
          "template mail/" + name + ".ftl must start with a line 'Subject: …'");
    }
    String subject = first.substring("Subject:".length()).strip();
    String text = newline < 0 ? "" : rendered.substring(newline + 1).strip() + "\n";
    String htmlName = "mail/" + name + ".ftlh";
    String html = templates.exists(htmlName) ? templates.render(htmlName, all) : null;
    return new OutgoingMail(name, to, subject, text, html, inReplyTo, references, questionId);
  }
}
