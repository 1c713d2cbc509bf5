package org.columnist.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail corpus under src/test/resources/mail: real-world messages (each written for these tests)
 * and, in expected.tsv, the outcome each must get and what its text must hold.
 */
final class MailCorpus {
  /** One corpus message and what is expected of it. */
  record Case(String file, String outcome, String note) {
    byte[] raw() {
      return read("/mail/" + file);
    }

    /** The raw bytes as a server holds them: CRLF line ends. */
    byte[] rawCrlf() {
      String text = new String(raw(), StandardCharsets.ISO_8859_1);
      return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A phrase the note says the text must hold or lack. */
    record Phrase(boolean inQuestion, boolean present, String value) {}

    /**
     * The note's {@code text contains "…"}, {@code question text lacks "…", "…"} and {@code ends
     * with "…"} phrases, lists included.
     */
    List<Phrase> phrases() {
      List<Phrase> phrases = new ArrayList<>();
      Matcher start = Pattern.compile("(question text|text) (contains|lacks) (?=\")").matcher(note);
      Pattern item = Pattern.compile("\\G\"([^\"]*)\"(?:(?:,? and |, |,? or )(?=\"))?");
      while (start.find()) {
        boolean inQuestion = start.group(1).startsWith("question");
        boolean present = start.group(2).equals("contains");
        Matcher m = item.matcher(note);
        m.region(start.end(), note.length());
        while (m.find()) {
          phrases.add(new Phrase(inQuestion, present, m.group(1)));
        }
      }
      return phrases;
    }

    /** The value of {@code key="…"} in the note, or null. */
    String value(String key) {
      Matcher m = Pattern.compile(Pattern.quote(key) + "=\"([^\"]*)\"").matcher(note);
      return m.find() ? m.group(1) : null;
    }

    @Override
    public String toString() {
      return file;
    }
  }

  private MailCorpus() {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    List<String> lines =
        new String(read("/mail/expected.tsv"), StandardCharsets.UTF_8).lines().skip(1).toList();
    for (String line : lines) {
      String[] cells = line.split("\t", 3);
      cases.add(new Case(cells[0], cells[1], cells[2]));
    }
    return cases;
  }

  private static byte[] read(String resource) {
    try (InputStream in = MailCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
