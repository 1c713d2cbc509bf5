package org.columnist.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The limits every public form shares, checked before its fields are read: a small body, and a
 * handful of posts a minute from one client. The clients' buckets are held in a bounded map (the
 * longest idle goes first), so that made-up addresses cannot fill the memory.
 */
final class FormLimits {
  /** A form's fields fit in far less; more is not a person filling in a form. */
  static final int MAX_BODY = 4096;

  private final int perMinute;
  private final int maxClients;
  private final Map<String, Bucket> buckets;

  FormLimits(int perMinute, int maxClients) {
    this.perMinute = perMinute;
    this.maxClients = maxClients;
    this.buckets = new LinkedHashMap<>(256, 0.75f, true);
  }

  /** Why a post was refused: the status, the words for the page, and when to try again. */
  record Refusal(HttpStatus status, String message, Duration retryAfter) {}

  /** The refusal of a post over the limits, if it is; each post checked counts towards them. */
  Optional<Refusal> check(Context ctx) {
    Optional<Refusal> size = size(ctx);
    if (size.isPresent()) {
      return size;
    }
    ConsumptionProbe probe = bucket(ClientAddress.of(ctx)).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return Optional.empty();
    }
    Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
    return Optional.of(
        new Refusal(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests from your address; please try again in a minute.",
            wait.isZero() ? Duration.ofSeconds(1) : wait.plusSeconds(1).withNanos(0)));
  }

  /** The refusal of a body over {@link #MAX_BODY}, if it is; counts nothing. */
  Optional<Refusal> size(Context ctx) {
    if (ctx.contentLength() > MAX_BODY || ctx.bodyAsBytes().length > MAX_BODY) {
      return Optional.of(
          new Refusal(
              HttpStatus.CONTENT_TOO_LARGE,
              "That was more than a form sends; please use the form on the site.",
              null));
    }
    return Optional.empty();
  }

  private Bucket bucket(String client) {
    synchronized (buckets) {
      Bucket bucket = buckets.get(client);
      if (bucket == null) {
        bucket =
            Bucket.builder()
                .addLimit(
                    Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
        buckets.put(client, bucket);
        if (buckets.size() > maxClients) {
          buckets.remove(buckets.keySet().iterator().next());
        }
      }
      return bucket;
    }
  }
}
