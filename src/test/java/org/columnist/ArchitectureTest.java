package org.columnist;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages' layering as docs/ARCHITECTURE.md draws it: the flow reads intake (mail) -> queue ->
 * outbox, cli and daemon sit on top, and nothing below imports what is above it.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.columnist");

  @Test
  void noPackageImportsOneAboveIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy("org.columnist.cli..")
        .layer("daemon")
        .definedBy("org.columnist.daemon..")
        .layer("web")
        .definedBy("org.columnist.web..")
        .layer("mail")
        .definedBy("org.columnist.mail..")
        .layer("queue")
        .definedBy("org.columnist.queue..")
        .layer("newsletter")
        .definedBy("org.columnist.newsletter..")
        .layer("responses")
        .definedBy("org.columnist.responses..")
        .layer("outbox")
        .definedBy("org.columnist.outbox..")
        .layer("mailserver")
        .definedBy("org.columnist.mailserver..")
        .layer("importer")
        .definedBy("org.columnist.importer..")
        .layer("site")
        .definedBy("org.columnist.site..")
        .layer("search")
        .definedBy("org.columnist.search..")
        .layer("archive")
        .definedBy("org.columnist.archive..")
        .layer("column")
        .definedBy("org.columnist.column..")
        .layer("config")
        .definedBy("org.columnist.config..")
        .layer("yaml")
        .definedBy("org.columnist.yaml..")
        .layer("store")
        .definedBy("org.columnist.store..")
        .layer("root")
        .definedBy("org.columnist")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("daemon")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("web")
        .mayOnlyBeAccessedByLayers("cli", "daemon")
        .whereLayer("mail")
        .mayOnlyBeAccessedByLayers("cli", "daemon", "web")
        .whereLayer("queue")
        .mayOnlyBeAccessedByLayers("cli", "daemon", "web", "mail")
        .whereLayer("newsletter")
        .mayOnlyBeAccessedByLayers("cli", "daemon", "web", "mail")
        .whereLayer("responses")
        .mayOnlyBeAccessedByLayers("cli", "daemon", "web")
        .whereLayer("outbox")
        .mayOnlyBeAccessedByLayers(
            "cli", "daemon", "web", "mail", "queue", "newsletter", "responses")
        .whereLayer("mailserver")
        .mayOnlyBeAccessedByLayers("cli", "mail", "outbox")
        .whereLayer("importer")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("site")
        .mayOnlyBeAccessedByLayers("cli", "daemon", "web", "newsletter", "responses")
        .whereLayer("search")
        .mayOnlyBeAccessedByLayers("cli", "daemon", "web", "site")
        .whereLayer("archive")
        .mayOnlyBeAccessedByLayers("cli", "daemon", "web", "queue", "importer", "site", "search")
        .whereLayer("column")
        .mayOnlyBeAccessedByLayers(
            "cli",
            "daemon",
            "web",
            "mail",
            "queue",
            "newsletter",
            "responses",
            "importer",
            "site",
            "search",
            "archive")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers(
            "cli",
            "daemon",
            "web",
            "mail",
            "queue",
            "newsletter",
            "responses",
            "outbox",
            "mailserver",
            "site")
        .whereLayer("yaml")
        .mayOnlyBeAccessedByLayers("column", "config", "importer")
        .whereLayer("store")
        .mayOnlyBeAccessedByLayers(
            "cli", "daemon", "web", "mail", "queue", "newsletter", "responses", "outbox")
        // What every layer uses (ColumnistException, Problem, AtomicFile, Sha256, Blank) uses none.
        .whereLayer("root")
        .mayNotAccessAnyLayer()
        .check(MAIN);
  }
}
