package org.columnist.site;

import java.time.Instant;
import java.util.Optional;
import org.columnist.Signer;

/**
 * The signed token every readers' form carries, so that a post comes from a form this site drew. A
 * page's token (drawn into a static page by the build) names its form and column and no time; a
 * fresh token (drawn by the public server into a "check and send" page) also says when it was
 * drawn, which is what a minimum fill time is measured from.
 */
public final class FormTokens {
  /** The slug a form outside any column (subscribe, ask) is signed for. */
  public static final String NO_SLUG = "-";

  private final Signer signer;

  public FormTokens(byte[] key) {
    this.signer = new Signer(key);
  }

  /** What a genuine token says; {@code issued} is null for a page's token. */
  public record Stamp(String form, String slug, Instant issued) {}

  /** The token of {@code form} on the static page of column {@code slug} (or {@link #NO_SLUG}). */
  public String forPage(String form, String slug) {
    return signer.sign("f." + form + "." + slug + ".0");
  }

  /** A token for {@code form} drawn at {@code now}. */
  public String fresh(String form, String slug, Instant now) {
    return signer.sign("f." + form + "." + slug + "." + Math.max(1, now.getEpochSecond()));
  }

  /** What a token this site signed says; empty when forged, altered or malformed. */
  public Optional<Stamp> read(String token) {
    return signer
        .verified(token)
        .map(p -> p.split("\\.", -1))
        .filter(f -> f.length == 4 && f[0].equals("f") && f[3].matches("\\d{1,18}"))
        .map(
            f ->
                new Stamp(
                    f[1],
                    f[2],
                    f[3].equals("0") ? null : Instant.ofEpochSecond(Long.parseLong(f[3]))));
  }
}
