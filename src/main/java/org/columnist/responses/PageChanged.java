package org.columnist.responses;

/**
 * What runs after a change that shows on column {@code slug}'s page (a response approved, edited,
 * hidden or replied to): {@code cli/Wiring} points it at an incremental site build, which renders
 * only the pages whose readers' fingerprint changed.
 */
@FunctionalInterface
public interface PageChanged {
  void column(String slug);

  /** Nothing to rebuild (a test that looks at the database only). */
  PageChanged NOTHING = slug -> {};
}
