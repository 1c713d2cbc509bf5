package org.columnist.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.columnist.mail.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    description = "Check the config, the mailbox, its folders and SMTP; say what is wrong.")
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    List<Doctor.Check> checks = Doctor.run(config.load());
    var out = spec.commandLine().getOut();
    out.println("ok    config: " + config.file);
    for (Doctor.Check c : checks) {
      out.printf("%-5s %s: %s%n", c.ok() ? "ok" : "FAIL", c.what(), c.detail());
    }
    long failed = checks.stream().filter(c -> !c.ok()).count();
    if (failed > 0) {
      spec.commandLine().getErr().printf("doctor: %d of %d checks failed%n", failed, checks.size());
      return 1;
    }
    return 0;
  }
}
