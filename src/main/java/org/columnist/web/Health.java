package org.columnist.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of each part of the daemon (intake, outbox, scheduler, servers), as {@code GET
 * /healthz} reports it: "ok" or "failing" with the last problem, and since when.
 */
public final class Health {
  /** One part's state. */
  public record Part(String state, String detail, String since) {}

  private final Map<String, Part> parts = new LinkedHashMap<>();
  private final Clock clock;

  public Health(Clock clock) {
    this.clock = clock;
  }

  public synchronized void ok(String part, String detail) {
    Part was = parts.get(part);
    parts.put(
        part,
        new Part(
            "ok",
            detail,
            was != null && was.state().equals("ok") ? was.since() : clock.instant().toString()));
  }

  public synchronized void failing(String part, String problem) {
    Part was = parts.get(part);
    parts.put(
        part,
        new Part(
            "failing",
            problem,
            was != null && was.state().equals("failing")
                ? was.since()
                : clock.instant().toString()));
  }

  /** Every part, and "status": "ok" only when all are. */
  public synchronized Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put(
        "status",
        parts.values().stream().allMatch(p -> p.state().equals("ok")) ? "ok" : "degraded");
    report.put("parts", new LinkedHashMap<>(parts));
    return report;
  }
}
