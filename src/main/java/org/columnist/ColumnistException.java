package org.columnist;

/**
 * A failure the user can fix: bad config, an invalid archive file, a refused transition, an
 * unreachable server. Its message says what failed, where, and what to do; the CLI prints it as one
 * line and exits 1.
 */
public class ColumnistException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ColumnistException(String message) {
    super(message);
  }

  public ColumnistException(String message, Throwable cause) {
    super(message, cause);
  }
}
