package org.columnist.column;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the signature intake cut from a reader's mail ("Jane Doe / Senior Analyst | Northfield
 * Grain / +1 312 555 0142") into what it says: the name on its first line, a job title, a company,
 * phone numbers and other details, each line split where signatures separate their parts.
 */
final class SignatureReading {
  /** One thing a signature says, and what kind of thing it is. */
  record Said(Kind kind, String text) {}

  enum Kind {
    NAME,
    JOB,
    COMPANY,
    PHONE,
    OTHER
  }

  private static final Pattern SEPARATOR =
      Pattern.compile("\\s*[|•·/]\\s*|\\s+[-–—]\\s+|,\\s+|\\s+(?i:at)\\s+");
  private static final Pattern WEB = Pattern.compile("(?i)@|www\\.|https?:|\\.(?:com|org|net)\\b");
  private static final Pattern JOB =
      Pattern.compile(
          "(?iu)\\b(?:analyst|manager|director|engineer|officer|head|lead|chief|founder|owner"
              + "|president|consultant|specialist|coordinator|assistant|associate|developer"
              + "|designer|architect|partner|accountant|advisor|adviser|administrator|supervisor"
              + "|executive|intern|nurse|teacher|professor|lecturer|researcher|scientist"
              + "|technician|clerk|secretary|representative|editor|vp|ceo|cto|cfo|coo|cio)\\b");
  private static final Pattern COMPANY =
      Pattern.compile(
          "(?iu)\\b(?:inc|ltd|llc|llp|plc|gmbh|ag|sa|sas|sarl|bv|nv|ab|oy|as|corp|corporation"
              + "|company|co|group|holdings|partners|associates|bank|university|college"
              + "|hospital|school)\\b\\.?");
  private static final Pattern PHONE_LABEL =
      Pattern.compile(
          "(?iu)^(?:tel|phone|mobile|mob|cell|fax|direct|office|[mtpfd])\\.?\\s*:?\\s*");
  private static final int MIN_LETTERS = 3;

  private SignatureReading() {}

  static List<Said> read(String signature) {
    List<Said> said = new ArrayList<>();
    if (signature == null) {
      return said;
    }
    boolean first = true;
    for (String line : signature.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      List<String> pieces = List.of(SEPARATOR.split(line));
      boolean hasJob = pieces.stream().anyMatch(p -> JOB.matcher(p).find());
      for (String piece : pieces) {
        Kind kind = kind(piece, first, hasJob);
        if (kind != null) {
          said.add(new Said(kind, kind == Kind.PHONE ? piece.replaceAll("\\D", "") : piece));
        }
        first = false;
      }
    }
    return said;
  }

  /** What {@code piece} is, or null for what the check finds anyway (addresses) or too little. */
  private static Kind kind(String piece, boolean first, boolean onAJobsLine) {
    String bare = PHONE_LABEL.matcher(piece).replaceFirst("");
    if (bare.matches("[+(]?\\d[\\d\\s().-]{5,}\\d") && bare.replaceAll("\\D", "").length() >= 7) {
      return Kind.PHONE;
    }
    if (WEB.matcher(piece).find()
        || piece.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
      return null;
    }
    if (JOB.matcher(piece).find()) {
      return Kind.JOB;
    }
    if (first) {
      return Kind.NAME;
    }
    return onAJobsLine || COMPANY.matcher(piece).find() ? Kind.COMPANY : Kind.OTHER;
  }
}
