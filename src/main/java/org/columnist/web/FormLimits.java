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
 * The limit every public form shares: a handful of posts a minute from one client (an IPv6 client
 * by its /64, which one subscriber line usually gets whole). The clients' buckets are held in a
 * bounded map (the longest idle goes first), so that made-up addresses cannot fill the memory.
 */
final class FormLimits {
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

  /** The refusal of a post over the limit, if it is; each post checked counts towards it. */
  Optional<Refusal> check(Context ctx) {
    ConsumptionProbe probe = bucket(ClientAddress.block(ctx)).tryConsumeAndReturnRemaining(1);
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
