package org.columnist.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.columnist.queue.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish-due", description = "Publish every scheduled column whose time has come.")
final class PublishDueCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin ActorOption actor;

  @Option(
      names = "--until",
      paramLabel = "\"YYYY-MM-DD HH:MM\"",
      description =
          "Also publish, now, what is scheduled up to this time (site.time_zone); default: now.")
  String until;

  @Override
  public Integer call() {
    Wiring wiring = new Wiring(config.load());
    Instant limit =
        until == null
            ? wiring.clock.instant()
            : QueueCommand.Schedule.inSiteZone(until, wiring.config).toInstant();
    List<Publisher.Result> results = wiring.queue().publishDue(actor.actor(), limit);
    var out = spec.commandLine().getOut();
    for (Publisher.Result r : results) {
      if (r.published() != null) {
        QueueCommand.printPublished(out, r.published());
      } else {
        spec.commandLine()
            .getErr()
            .printf("publish-due: question %d not published: %s%n", r.id(), r.problem());
      }
    }
    if (results.isEmpty()) {
      out.println("Nothing is due.");
    } else if (results.stream().anyMatch(r -> r.published() != null)) {
      QueueCommand.rebuildSite(out, wiring);
    }
    return results.stream().anyMatch(r -> r.published() == null) ? 1 : 0;
  }
}
