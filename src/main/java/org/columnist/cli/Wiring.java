package org.columnist.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.columnist.Progress;
import org.columnist.archive.Archive;
import org.columnist.column.Slug;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.daemon.ArchiveWatch;
import org.columnist.daemon.Daemon;
import org.columnist.mail.Intake;
import org.columnist.mail.MailLog;
import org.columnist.mail.SiteQuestions;
import org.columnist.newsletter.Newsletter;
import org.columnist.newsletter.Roster;
import org.columnist.newsletter.Sends;
import org.columnist.newsletter.Subscribers;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Arrivals;
import org.columnist.queue.Queue;
import org.columnist.responses.Moderation;
import org.columnist.responses.PageChanged;
import org.columnist.responses.Responses;
import org.columnist.responses.SitePart;
import org.columnist.responses.Votes;
import org.columnist.search.SearchIndex;
import org.columnist.site.FormTokens;
import org.columnist.site.SiteBuilder;
import org.columnist.store.Secrets;
import org.columnist.store.Store;
import org.columnist.web.PublicServer;

/**
 * Builds the objects the verbs need from one loaded config: the composition root's parts. Public so
 * that tests build their queue, outbox and intake exactly as the verbs do, and cannot drift from
 * them.
 */
public final class Wiring {
  private static final System.Logger LOG = System.getLogger("daemon");
  private static final int DEFAULT_MAX_ATTEMPTS = 8;

  public final Config config;
  public final Store store;
  public final Clock clock;
  // One for every build this process makes: a server's publication renders a few pages, and
  // parsing the templates anew for each was a tenth of its CPU. Made by the first build, not for
  // commands that build nothing.
  private Templates siteTemplates;

  public Wiring(Config config) {
    this(config, Clock.systemUTC());
  }

  /** The instance of {@code config} on {@code clock}; its store is opened here. */
  public Wiring(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.store = Store.open(config.paths().data().resolve("columnist.db"));
  }

  public Outbox outbox() {
    String from = config.smtp() != null ? config.smtp().from() : config.column().address();
    int attempts = config.mailbox() != null ? config.mailbox().maxAttempts() : DEFAULT_MAX_ATTEMPTS;
    // The outbox tells the subscribers of a refusal; the subscribers queue their confirmations in
    // the outbox: each is built with the other.
    AtomicReference<Subscribers> refusedTo = new AtomicReference<>();
    Outbox outbox =
        new Outbox(
            store,
            from,
            attempts,
            clock,
            new Outbox.Policy(
                config.column().address(),
                config.newsletter().ratePerMinute(),
                // RFC 5321 §4.2.1: a 5xx reply to RCPT TO is permanent for that address; the
                // outbox calls this for nothing else (a 5xx to MAIL or DATA blames no reader).
                (db, address, reply) ->
                    refusedTo.get().suppress(db, address, "relay refused: " + reply),
                config.newsletter().dkim()));
    refusedTo.set(new Subscribers(store, outbox, mailTemplates(), config, clock));
    return outbox;
  }

  /** The newsletter's sends, which every first publication makes. */
  public Newsletter newsletter() {
    return new Newsletter(config, store, outbox(), mailTemplates(), subscribers(), clock);
  }

  /** The newsletter's subscribers; build them only here. */
  public Subscribers subscribers() {
    return new Subscribers(store, outbox(), mailTemplates(), config, clock);
  }

  /** The coach's view of the subscribers (list, add, remove, reactivate, history). */
  public Roster roster() {
    return new Roster(store, subscribers());
  }

  /** How far each newsletter send has got. */
  public Sends sends() {
    return new Sends(store, clock);
  }

  public MailTemplates mailTemplates() {
    return new MailTemplates(new Templates(config.paths().templates()), config);
  }

  public Queue queue() {
    return new Queue(
        store,
        new Archive(config.paths().archive()),
        config,
        outbox(),
        mailTemplates(),
        new MailLog(store)::followUps,
        newsletter()::published,
        clock);
  }

  /**
   * Builds the site, with related columns from the search index when there is one; the index is
   * opened for the build only.
   */
  SiteBuilder.Report buildSite(boolean clean) {
    return buildSite(clean, Progress.NONE);
  }

  /** Builds the site, telling {@code progress} of each page rendered. */
  SiteBuilder.Report buildSite(boolean clean, Progress progress) {
    Archive archive = new Archive(config.paths().archive());
    Path index = indexDir();
    if (!Files.isDirectory(index)) {
      return new SiteBuilder(config, archive, slug -> List.of(), sitePart()).build(clean, progress);
    }
    try (SearchIndex search = SearchIndex.openForSearch(index, synonyms())) {
      return siteBuilder(archive, search).build(clean, progress);
    }
  }

  /** A site builder whose column pages list the four columns {@code index} finds nearest. */
  public SiteBuilder siteBuilder(Archive archive, SearchIndex index) {
    return new SiteBuilder(
        config,
        archive,
        slug ->
            index.related(slug, 4).stream()
                .map(h -> new SiteBuilder.Related(h.title(), h.path()))
                .toList(),
        sitePart(),
        siteTemplates());
  }

  private synchronized Templates siteTemplates() {
    if (siteTemplates == null) {
      siteTemplates = new Templates(config.paths().templates());
    }
    return siteTemplates;
  }

  /** The signed tokens of the site's forms, under the instance's own key. */
  public FormTokens formTokens() {
    return new FormTokens(Secrets.key(store, "form_key"));
  }

  /** What readers add to the static pages: responses, counts, the forms' tokens. */
  public SitePart sitePart() {
    return new SitePart(config, store, votes(), formTokens(), clock);
  }

  /** The questions asked on the site's form, waiting for their writers to confirm. */
  public SiteQuestions siteQuestions() {
    return new SiteQuestions(
        config, store, Secrets.key(store, "link_key"), outbox(), mailTemplates(), clock);
  }

  /** What the public server's readers' forms need. */
  public PublicServer.Forms publicForms() {
    return new PublicServer.Forms(
        subscribers(),
        siteQuestions(),
        responses(),
        votes(),
        formTokens(),
        sitePart(),
        clock,
        () -> {});
  }

  /** Readers' responses: the form's posts and their confirmation links. */
  public Responses responses() {
    Archive archive = new Archive(config.paths().archive());
    return new Responses(
        config,
        store,
        outbox(),
        mailTemplates(),
        Secrets.key(store, "link_key"),
        slug -> columnDate(archive, slug),
        clock);
  }

  /** The coach's moderation of responses; {@code changed} rebuilds a column's page. */
  public Moderation moderation(PageChanged changed) {
    return new Moderation(config, store, outbox(), mailTemplates(), changed, clock);
  }

  /** A hook that brings the site up to date after a response changed (outside a daemon). */
  PageChanged rebuildsSite() {
    return slug -> buildSite(false);
  }

  /** The date of the published column {@code slug}, if there is one. */
  private static Optional<LocalDate> columnDate(Archive archive, String slug) {
    if (!Slug.isValid(slug)) {
      return Optional.empty();
    }
    return archive.files().stream()
        .filter(f -> f.getFileName().toString().equals(slug + ".md"))
        .findFirst()
        .map(f -> archive.read(f).date());
  }

  /** The index and site of a server, kept up to date with the archive. */
  public ArchiveWatch archiveWatch(Runnable started) {
    Archive archive = new Archive(config.paths().archive());
    // A first index and build of a large archive take a while: the log says how far they are.
    return ArchiveWatch.open(
        archive,
        searchIndex(),
        index -> siteBuilder(archive, index),
        started,
        new ProgressDisplay(line -> LOG.log(System.Logger.Level.INFO, line)));
  }

  /** Everything {@code run} and {@code demo} start. */
  public Daemon.Parts daemonParts(Runnable watchStarted) {
    return new Daemon.Parts(
        config,
        store,
        clock,
        queue(),
        outbox(),
        this::intake,
        () -> archiveWatch(watchStarted),
        subscribers(),
        publicForms());
  }

  /** "Was this helpful?": the votes, counted by days of {@code site.time_zone}. */
  public Votes votes() {
    return new Votes(store, clock, config.site().timeZone());
  }

  Path indexDir() {
    return config.paths().data().resolve("index");
  }

  List<String> synonyms() {
    return config.synonymsOr(SearchIndex.DEFAULT_SYNONYMS);
  }

  /** The index, open for updating (refused while a daemon holds it). */
  public SearchIndex searchIndex() {
    return SearchIndex.open(indexDir(), synonyms());
  }

  /** Who is acting, for the audit log: {@code --as NAME}, else the login name. */
  static String actor(String as) {
    if (as != null && !as.isBlank()) {
      return as;
    }
    String user = System.getenv("USER");
    return "cli:"
        + (user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user);
  }

  public Intake intake() {
    return new Intake(
        config.requireMailbox(),
        store,
        new Arrivals(clock),
        subscribers(),
        outbox(),
        mailTemplates(),
        config.column().address(),
        clock);
  }
}
