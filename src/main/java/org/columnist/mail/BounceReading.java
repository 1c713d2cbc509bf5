package org.columnist.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.newsletter.Bounces;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Mask;

/**
 * Reads a bounce or a complaint: which mail of ours it reports (by Message-ID, then by the VERP
 * address it came back to), for which address, and how bad it is (from the report's Status and
 * Action, or from the words of a mailer that sends no report).
 */
final class BounceReading {
  private static final Pattern STATUS = Pattern.compile("\\b([245])\\.\\d{1,3}\\.\\d{1,3}\\b");
  private static final Pattern HARD_WORDS =
      Pattern.compile(
          "(?i)\\b(user unknown|unknown user|no such (user|mailbox|recipient)|mailbox unavailable"
              + "|mailbox not found|does not exist|doesn't exist|address rejected"
              + "|invalid recipient|recipient not found)\\b");
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:]+@[^\\s<>\"',;]+");
  // The headers a delivery names its envelope recipient in: the VERP address the bounce came to.
  private static final List<String> ENVELOPE_HEADERS =
      List.of("delivered-to", "x-original-to", "envelope-to", "to");
  private static final int MAX_DIAGNOSTIC = 200;
  private static final List<String> COMPLAINTS = List.of("abuse", "fraud");

  // Where a bounce without a delivery report starts quoting the mail it returns: a column that
  // says "the perfect job does not exist" must not read as "user does not exist".
  private static final Pattern QUOTED_START =
      Pattern.compile(
          "(?im)^\\s*(-{3,}.*|received:.*|return-path:.*|message-id:.*|from:.*|subject:.*|>.*)$");
  private static final int OWN_LINES = 40;

  private BounceReading() {}

  /** Whether the mail is a complaint report (RFC 5965 §3: report-type=feedback-report). */
  static boolean isComplaint(ParsedMail mail) {
    String type = mail.contentType().toLowerCase(Locale.ROOT);
    return type.startsWith("multipart/report") && type.contains("feedback-report");
  }

  /**
   * What a mail taken for a bounce ({@code how}: why it was) reports; a report that says the mail
   * was delivered is machine mail, not a bounce.
   */
  static Outcome read(Connection db, ParsedMail mail, String how) throws SQLException {
    Map<String, String> report = mail.report();
    String action = report.getOrDefault("action", "").toLowerCase(Locale.ROOT);
    if (action.matches("delivered|relayed|expanded")) {
      return new Outcome.AutoReply("delivery report: " + action);
    }
    // Only a report that names mail of ours (its random Message-ID, or its VERP tag) may change a
    // subscriber: anyone can write a report naming an address, to have it suppressed.
    Long row = outboxRow(db, mail).orElse(null);
    String recipient = row == null ? null : Outbox.addressOf(db, row).orElse(null);
    if (isComplaint(mail)) {
      String type = report.getOrDefault("feedback-type", "unknown").strip();
      // RFC 5965 §7.3: abuse and fraud are a reader's complaint; an auth-failure report (a
      // forwarder broke DKIM, RFC 6591), not-spam or virus says nothing of what the reader wants.
      if (!COMPLAINTS.contains(type.toLowerCase(Locale.ROOT))) {
        return new Outcome.AutoReply("feedback report of type " + type + ": no subscriber changed");
      }
      return new Outcome.Bounce(
          row, recipient, Bounces.Kind.COMPLAINT, "complaint (ARF " + type + ")");
    }
    Matcher status = STATUS.matcher(report.getOrDefault("status", ""));
    if (status.find()) {
      Bounces.Kind kind = status.group(1).equals("5") ? Bounces.Kind.HARD : Bounces.Kind.SOFT;
      return new Outcome.Bounce(row, recipient, kind, kind.word() + ": " + dsnDetail(report));
    }
    if (action.equals("failed") || action.equals("delayed")) {
      Bounces.Kind kind = action.equals("failed") ? Bounces.Kind.HARD : Bounces.Kind.SOFT;
      return new Outcome.Bounce(row, recipient, kind, kind.word() + ": " + dsnDetail(report));
    }
    Matcher hard = HARD_WORDS.matcher(ownWords(mail.text()));
    if (hard.find()) {
      return new Outcome.Bounce(
          row,
          recipient,
          Bounces.Kind.HARD,
          "hard bounce: \"" + hard.group().toLowerCase(Locale.ROOT) + "\" (" + how + ")");
    }
    return new Outcome.Bounce(row, recipient, Bounces.Kind.SOFT, "soft bounce (" + how + ")");
  }

  /** A bounce's own words: its text before the returned mail is quoted, at most 40 lines. */
  private static String ownWords(String text) {
    Matcher quoted = QUOTED_START.matcher(text);
    String own = quoted.find() ? text.substring(0, quoted.start()) : text;
    return own.lines().limit(OWN_LINES).collect(java.util.stream.Collectors.joining("\n"));
  }

  /** The mail of ours a report names by Message-ID, or whose VERP address it came back to. */
  private static Optional<Long> outboxRow(Connection db, ParsedMail mail) throws SQLException {
    List<String> ids = new ArrayList<>(mail.reportedMessageIds());
    ids.addAll(mail.inReplyTo());
    for (String id : ids) {
      Optional<Long> row = Outbox.sentAs(db, id).map(Outbox.Sent::id);
      if (row.isPresent()) {
        return row;
      }
    }
    for (String header : ENVELOPE_HEADERS) {
      Matcher m = ADDRESS.matcher(mail.headers().getOrDefault(header, ""));
      while (m.find()) {
        Optional<Long> row = Outbox.rowOfBounceAddress(db, m.group());
        if (row.isPresent()) {
          return row;
        }
      }
    }
    return Optional.empty();
  }

  /** "5.1.1 550 user unknown": the status and the remote server's words, cut short. */
  private static String dsnDetail(Map<String, String> report) {
    String status = report.getOrDefault("status", report.getOrDefault("action", "")).strip();
    String diagnostic =
        report.getOrDefault("diagnostic-code", "").replaceFirst("(?i)^\\s*smtp\\s*;", "").strip();
    if (diagnostic.length() > MAX_DIAGNOSTIC) {
      diagnostic = diagnostic.substring(0, MAX_DIAGNOSTIC) + "…";
    }
    // The mail log masks readers' addresses; a reason stored in it must not show them either.
    diagnostic = Mask.addressesIn(diagnostic);
    return diagnostic.isEmpty() ? status : status + " " + diagnostic;
  }
}
