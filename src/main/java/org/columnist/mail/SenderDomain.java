package org.columnist.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.columnist.config.NewsletterSettings;
import org.columnist.mail.Doctor.Finding;
import org.columnist.mail.Doctor.Level;

/**
 * What the From domain publishes for receivers to trust bulk mail from it: SPF, DMARC and, when
 * Columnist signs, the DKIM key. Gmail and Yahoo have required all of it of bulk senders since
 * February 2024.
 */
final class SenderDomain {
  private final DnsTxt.Lookup dns;

  SenderDomain(DnsTxt.Lookup dns) {
    this.dns = dns;
  }

  /** The findings for mail from {@code from}, signed with {@code dkim} (null: the relay signs). */
  List<Finding> check(String from, NewsletterSettings.Dkim dkim) {
    String domain = from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    List<Finding> findings = new ArrayList<>();
    DnsTxt.Answer spf = dns.txt(domain);
    if (spf instanceof DnsTxt.Unreachable unreachable) {
      findings.add(
          new Finding(
              Level.UNKNOWN,
              "dns",
              unreachable.why()
                  + ": SPF, DKIM and DMARC of "
                  + domain
                  + " not checked; run doctor where DNS works"));
      return findings;
    }
    findings.add(spf(domain, spf));
    findings.add(dmarc(domain, dns.txt("_dmarc." + domain)));
    findings.add(dkim(domain, dkim));
    return findings;
  }

  private static Finding spf(String domain, DnsTxt.Answer answer) {
    List<String> spf = starting(answer, "v=spf1");
    if (spf.isEmpty()) {
      return new Finding(
          Level.WARN,
          "spf",
          domain + " has no SPF record: publish TXT \"v=spf1 include:<your relay> -all\"");
    }
    if (spf.size() > 1) {
      // RFC 7208 §4.5: more than one SPF record is a permanent error, as if there were none.
      return new Finding(
          Level.WARN, "spf", domain + " has " + spf.size() + " SPF records: merge them into one");
    }
    if (spf.get(0).matches("(?i).*\\s\\+?all\\s*$")) {
      return new Finding(
          Level.WARN, "spf", domain + ": '" + spf.get(0) + "' lets anyone send: end with -all");
    }
    return new Finding(Level.OK, "spf", domain + ": " + spf.get(0));
  }

  private static Finding dmarc(String domain, DnsTxt.Answer answer) {
    List<String> dmarc = starting(answer, "v=DMARC1");
    if (dmarc.isEmpty()) {
      return new Finding(
          Level.WARN,
          "dmarc",
          "_dmarc."
              + domain
              + " has no DMARC record: publish at least TXT \"v=DMARC1; p=none;"
              + " rua=mailto:<you>\"");
    }
    Optional<String> policy = tag(dmarc.get(0), "p");
    if (policy.isEmpty()) {
      return new Finding(
          Level.WARN, "dmarc", "_dmarc." + domain + ": '" + dmarc.get(0) + "' has no p= policy");
    }
    return new Finding(
        Level.OK,
        "dmarc",
        "_dmarc." + domain + ": p=" + policy.get() + " (providers ask for at least p=none)");
  }

  private Finding dkim(String domain, NewsletterSettings.Dkim dkim) {
    if (dkim == null) {
      return new Finding(
          Level.INFO,
          "dkim",
          "newsletter.dkim is not set: the relay must sign with d="
              + domain
              + " (look for a DKIM-Signature header with d="
              + domain
              + " in a mail it sent)");
    }
    String name = dkim.selector() + "._domainkey." + dkim.domain();
    List<String> keys = starting(dns.txt(name), "v=DKIM1");
    if (keys.isEmpty()) {
      keys = dns.txt(name).texts().stream().filter(t -> tag(t, "p").isPresent()).toList();
    }
    if (keys.isEmpty() || tag(keys.get(0), "p").filter(p -> !p.isEmpty()).isEmpty()) {
      return new Finding(
          Level.WARN,
          "dkim",
          name + " has no DKIM public key: publish the key of " + dkim.privateKeyFile());
    }
    boolean aligned =
        domain.equals(dkim.domain())
            || domain.endsWith("." + dkim.domain().toLowerCase(Locale.ROOT));
    return aligned
        ? new Finding(Level.OK, "dkim", name + " publishes a key")
        : new Finding(
            Level.WARN,
            "dkim",
            name + " publishes a key, but d=" + dkim.domain() + " is not aligned with " + domain);
  }

  private static List<String> starting(DnsTxt.Answer answer, String version) {
    String prefix = version.toLowerCase(Locale.ROOT);
    return answer.texts().stream()
        .filter(t -> t.toLowerCase(Locale.ROOT).startsWith(prefix))
        .toList();
  }

  /** The value of {@code name=} in a "k=v; k=v" record (DMARC, DKIM). */
  private static Optional<String> tag(String record, String name) {
    for (String part : record.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
        return Optional.of(part.substring(eq + 1).strip());
      }
    }
    return Optional.empty();
  }
}
