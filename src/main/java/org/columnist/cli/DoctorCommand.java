package org.columnist.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.columnist.config.Config;
import org.columnist.mail.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    description =
        "Check the config, the mailbox, its folders and SMTP, and the From domain's SPF, DKIM and"
            + " DMARC; say what is wrong.")
final class DoctorCommand implements Callable<Integer> {
  /** What Gmail and Yahoo require of bulk senders since February 2024, in the coach's words. */
  private static final List<String> BULK_SENDERS =
      List.of(
          "SPF and DKIM both pass for the From domain (not one or the other)",
          "a DMARC record, at least p=none, aligned with the From domain",
          "one-click unsubscribe (RFC 8058): Columnist sets List-Unsubscribe and"
              + " List-Unsubscribe-Post",
          "unsubscribes honoured within two days: Columnist stops at once",
          "spam complaints under 0.3% (watch Google Postmaster Tools)");

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Option(
      names = "--dns",
      paramLabel = "URL",
      description = "The DNS server to ask, e.g. dns://1.1.1.1 (the system's resolvers otherwise).")
  String dns = "dns:";

  @Override
  public Integer call() {
    Config loaded = config.load();
    List<Doctor.Check> checks = Doctor.run(loaded);
    PrintWriter out = spec.commandLine().getOut();
    out.println("ok    config: " + config.file);
    for (Doctor.Check c : checks) {
      out.printf("%-5s %s: %s%n", c.ok() ? "ok" : "FAIL", c.what(), c.detail());
    }
    out.println();
    out.println("Sending to subscribers (the From domain):");
    for (Doctor.Finding f : Doctor.senderDomain(loaded, dns)) {
      out.printf(
          "%-5s %s: %s%n",
          f.level() == Doctor.Level.UNKNOWN ? "?" : f.level().name().toLowerCase(Locale.ROOT),
          f.what(),
          f.detail());
    }
    out.println();
    out.println("What large providers require of bulk senders:");
    BULK_SENDERS.forEach(line -> out.println("  - " + line));
    long failed = checks.stream().filter(c -> !c.ok()).count();
    if (failed > 0) {
      spec.commandLine().getErr().printf("doctor: %d of %d checks failed%n", failed, checks.size());
      return 1;
    }
    return 0;
  }
}
