package org.columnist;

/**
 * How far a long piece of work has got, for the command that runs it to show (a bar on a terminal,
 * plain lines in a log). The work calls {@link #started}, then {@link #advanced} from any thread,
 * then {@link #finished}, also when it fails.
 */
public interface Progress {
  /** Shows nothing: for work no one watches (a daemon's builds, tests). */
  Progress NONE =
      new Progress() {
        @Override
        public void started(String task, String unit, long total) {}

        @Override
        public void advanced(long steps) {}

        @Override
        public void finished() {}
      };

  /**
   * The work begins: {@code task} names it ("Building the site"), {@code unit} its steps ("pages"),
   * {@code total} how many there are.
   */
  void started(String task, String unit, long total);

  /** {@code steps} more are done. */
  void advanced(long steps);

  /** The work has ended, done or not. */
  void finished();
}
