package org.columnist.newsletter;

import java.util.Locale;

/** How an address asked to subscribe: the opt-in record keeps it ({@code subscribers.source}). */
public enum Source {
  FORM,
  MAIL,
  CLI,
  IMPORT;

  /** The word the database and the subscriber's history use. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
