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
 * A limit the public forms share, by key: so many posts per period from one client (an IPv6 client
 * by its /64, which one subscriber line usually gets whole), or so many mails to one typed address.
 * The buckets are held in a bounded map (the longest idle goes first), so that made-up clients or
 * addresses cannot fill the memory.
 */
final class FormLimits {
  private final int capacity;
  private final Duration period;
  private final int maxKeys;
  private final Map<String, Bucket> buckets;

  /** {@code perMinute} posts a minute from one client, at most {@code maxClients} remembered. */
  FormLimits(int perMinute, int maxClients) {
    this(perMinute, Duration.ofMinutes(1), maxClients);
  }

  FormLimits(int capacity, Duration period, int maxKeys) {
    this.capacity = capacity;
    this.period = period;
    this.maxKeys = maxKeys;
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

  /** Whether {@code key} is within its limit now; each yes counts towards it. */
  boolean allows(String key) {
    return bucket(key).tryConsume(1);
  }

  private Bucket bucket(String key) {
    synchronized (buckets) {
      Bucket bucket = buckets.get(key);
      if (bucket == null) {
        bucket =
            Bucket.builder()
                .addLimit(
                    Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
        buckets.put(key, bucket);
        if (buckets.size() > maxKeys) {
          buckets.remove(buckets.keySet().iterator().next());
        }
      }
      return bucket;
    }
  }
}
