package org.columnist.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.Bits;
import org.columnist.ColumnistException;

/**
 * Runs visitors' queries: parsing that never fails (bad syntax falls back to plain words), weights
 * that let the title, the issue and the topics outrank a passing word in an answer, filters,
 * facets, highlighted snippets, spelling correction and related columns.
 */
final class Searcher {
  // The one field the parser seeks each word in: every weighed field's words, by weight.
  private static final Map<String, Float> WEIGHTS = Map.of(ColumnDocument.WEIGHTED, 1f);
  private static final int FLAGS =
      SimpleQueryParser.AND_OPERATOR
          | SimpleQueryParser.NOT_OPERATOR
          | SimpleQueryParser.OR_OPERATOR
          | SimpleQueryParser.PHRASE_OPERATOR
          | SimpleQueryParser.PRECEDENCE_OPERATORS
          | SimpleQueryParser.WHITESPACE_OPERATOR;
  private static final int MAX_WORDS = 32;
  // Characters of a section the highlighter looks for a passage in.
  private static final int MAX_HIGHLIGHTED = 20_000;
  private static final Pattern EXCLUSION = Pattern.compile("(?<=^|\\s)-(\"[^\"]*\"|[^\\s\"]+)");
  private static final Pattern WORD =
      Pattern.compile("(?<![\\p{L}\\p{N}-])\\p{L}{4,}(?![\\p{L}\\p{N}])");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
  // Compiled once: String.replaceAll and split compile their pattern on every call.
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern OR = Pattern.compile("(?<=^|\\s)OR(?=\\s|$)");
  private static final Pattern AND = Pattern.compile("(?<=^|\\s)AND(?=\\s|$)");
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}\\s]");
  private static final PassageScore PASSAGE_SCORE = new PassageScore();

  private final SearcherManager searchers;
  private final Analyzer queryAnalyzer;
  private final Analyzer indexAnalyzer = Analyzers.index();
  private final DirectSpellChecker spelling = new DirectSpellChecker();
  private final java.util.Set<String> synonymWords;
  private ForReader forReader;

  Searcher(SearcherManager searchers, List<String> synonyms) {
    this.searchers = searchers;
    this.queryAnalyzer = Analyzers.query(synonyms);
    // A word with synonyms is not a typo even if no column uses it: its synonyms will match.
    this.synonymWords =
        synonyms.stream()
            .flatMap(g -> java.util.Arrays.stream(g.toLowerCase(Locale.ROOT).split("[\\s,]+")))
            .collect(java.util.stream.Collectors.toSet());
  }

  Results search(SearchRequest request) {
    String q = clean(request.query());
    try {
      IndexSearcher s = searchers.acquire();
      try {
        int wanted = request.page() * SearchRequest.PAGE_SIZE;
        Query query = parse(q);
        Matches matches = run(s, filtered(query, request), wanted, request.byDate() || q.isBlank());
        // Misspelled words are corrected only when the query as typed finds little.
        String corrected = matches.counts().total() < 3 ? correct(s.getIndexReader(), q) : null;
        if (corrected != null) {
          query = parse(corrected);
          matches = run(s, filtered(query, request), wanted, request.byDate());
        }
        TopDocs top = matches.top();
        long total = matches.counts().total();
        ScoreDoc[] page =
            Arrays.copyOfRange(
                top.scoreDocs,
                Math.min(top.scoreDocs.length, wanted - SearchRequest.PAGE_SIZE),
                top.scoreDocs.length);
        List<Hit> hits = hits(s, query, top, page);
        String didYouMean = total < 3 && corrected == null ? suggest(s.getIndexReader(), q) : null;
        int pages =
            (int) Math.max(1, (total + SearchRequest.PAGE_SIZE - 1) / SearchRequest.PAGE_SIZE);
        return new Results(
            q,
            corrected,
            didYouMean,
            total,
            request.page(),
            pages,
            hits,
            matches.facets().top(matches.counts()));
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new ColumnistException("search failed: " + e.getMessage(), e);
    }
  }

  private record Matches(TopDocs top, FacetTable facets, FacetTable.Counts counts) {}

  /**
   * The best {@code wanted} hits, and every hit for the total and the facets. Two passes: the
   * counting one visits every hit without scoring, with a cheaper query that matches the same
   * columns; the ranking one adds up common words' kept scores over those hits ({@link
   * ScoreTable}), or else skips columns that cannot reach the top (block-max WAND). Exclusions are
   * left to the counted hits: as a query clause, each excluded column cut the ranking into a new
   * window, and a common excluded word made it visit every column.
   */
  private Matches run(IndexSearcher s, Query query, int wanted, boolean byDate) throws IOException {
    ForReader kept = forReader(s.getIndexReader());
    FacetTable facets = kept.facets();
    ScoreTable scores = kept.scores();
    ScoreTable.Phrases phrases =
        byDate ? new ScoreTable.Phrases(Map.of(), Map.of()) : scores.phrases(s, query);
    FacetTable.Counts counts = facets.count(s, countable(query), phrases.matches());
    if (!byDate) {
      // Common words are ranked from their kept scores, over the hits just counted.
      TopDocs top = scores.top(s, query, counts.hits(), counts.total(), wanted, phrases);
      if (top != null) {
        return new Matches(top, facets, counts);
      }
    }
    Query ranked = withoutExclusions(query);
    // The total comes from the counting pass: the ranking one counts no further than it must, so
    // that it skips from its first page of hits on (Lucene's default counts 1,000 hits first).
    TopDocs top =
        byDate
            ? s.search(
                ranked,
                within(
                    new TopFieldCollectorManager(
                        new Sort(new SortField(ColumnDocument.DATE, SortField.Type.LONG, true)),
                        wanted,
                        wanted),
                    ranked == query ? null : counts.hits()))
            : s.search(
                ranked,
                within(
                    new TopScoreDocCollectorManager(wanted, wanted),
                    ranked == query ? null : counts.hits()));
    return new Matches(top, facets, counts);
  }

  /**
   * {@code query} without the clauses that must not match, where no clause that may match is above
   * them: such a clause only removes columns, and never adds to a score. {@code query} itself when
   * it has none.
   */
  private static Query withoutExclusions(Query query) {
    if (!(query instanceof BooleanQuery b)) {
      return query;
    }
    BooleanQuery.Builder kept =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
    boolean changed = false;
    for (BooleanClause c : b.clauses()) {
      switch (c.getOccur()) {
        case MUST_NOT -> changed = true;
        case MUST, FILTER -> {
          Query inner = withoutExclusions(c.getQuery());
          changed |= inner != c.getQuery();
          kept.add(inner, c.getOccur());
        }
        case SHOULD -> kept.add(c);
      }
    }
    return changed ? kept.build() : query;
  }

  /** {@code ranking}, collecting only the columns in {@code hits} (all when it is null). */
  private static <C extends Collector, T> CollectorManager<Collector, T> within(
      CollectorManager<C, T> ranking, Bits hits) {
    List<C> made = new ArrayList<>();
    return new CollectorManager<>() {
      @Override
      public Collector newCollector() throws IOException {
        C collector = ranking.newCollector();
        made.add(collector);
        if (hits == null) {
          return collector;
        }
        return new FilterCollector(collector) {
          @Override
          public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            int base = leaf.docBase;
            return new FilterLeafCollector(super.getLeafCollector(leaf)) {
              @Override
              public void collect(int doc) throws IOException {
                if (hits.get(base + doc)) {
                  in.collect(doc);
                }
              }
            };
          }
        };
      }

      @Override
      public T reduce(Collection<Collector> collectors) throws IOException {
        return ranking.reduce(made);
      }
    };
  }

  /**
   * A query matching the same columns, cheaper to run: a word is sought in the field that holds
   * each word of a column once, without frequencies. What must match at positions (a phrase) stays
   * as it is.
   */
  private static Query countable(Query query) {
    if (query instanceof BoostQuery boost) {
      return countable(boost.getQuery());
    }
    if (query instanceof TermQuery term && WEIGHTS.containsKey(term.getTerm().field())) {
      return new TermQuery(new Term(ColumnDocument.ALL, term.getTerm().bytes()));
    }
    if (query instanceof SynonymQuery synonyms && WEIGHTS.containsKey(synonyms.getField())) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (Term t : synonyms.getTerms()) {
        any.add(new TermQuery(new Term(ColumnDocument.ALL, t.bytes())), BooleanClause.Occur.SHOULD);
      }
      return any.build();
    }
    if (query instanceof BooleanQuery b) {
      return distinct(
          b,
          b.clauses().stream()
              .map(c -> new BooleanClause(countable(c.getQuery()), c.getOccur()))
              .toList());
    }
    return query;
  }

  /** The site path of the column at {@code slug}, if the index holds it. */
  Optional<String> pathOf(String slug) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        TopDocs self = s.search(new TermQuery(new Term(ColumnDocument.SLUG, slug)), 1);
        return self.scoreDocs.length == 0
            ? Optional.empty()
            : Optional.of(
                s.storedFields().document(self.scoreDocs[0].doc).get(ColumnDocument.PATH));
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new ColumnistException("cannot read the search index: " + e.getMessage(), e);
    }
  }

  List<Hit> related(String slug, int count) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        TopDocs self = s.search(new TermQuery(new Term(ColumnDocument.SLUG, slug)), 1);
        if (self.scoreDocs.length == 0) {
          return List.of();
        }
        MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
        mlt.setAnalyzer(indexAnalyzer);
        // What a column is about is in its title, issue and question; the advice is more alike.
        mlt.setFieldNames(
            new String[] {ColumnDocument.TITLE, ColumnDocument.ISSUE, ColumnDocument.QUESTION});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMaxQueryTerms(30);
        // Words most columns use ("my", "team") say nothing of the topic; in a small archive
        // every shared word is rare, so the bound never falls below a few columns.
        mlt.setMaxDocFreq(Math.max(3, s.getIndexReader().numDocs() * 2 / 5));
        mlt.setBoost(true);
        Query like = mlt.like(self.scoreDocs[0].doc);
        Query query =
            new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.SHOULD)
                .add(
                    new TermQuery(new Term(ColumnDocument.SLUG, slug)),
                    BooleanClause.Occur.MUST_NOT)
                .build();
        TopDocs top = s.search(query, count);
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc d : top.scoreDocs) {
          hits.add(
              ColumnDocument.hit(s.storedFields().document(d.doc, ColumnDocument.SHOWN), null));
        }
        return hits;
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new ColumnistException("related columns failed: " + e.getMessage(), e);
    }
  }

  /**
   * The visitor's text made safe: no control characters, at most {@link SearchRequest#MAX_QUERY}
   * characters.
   */
  static String clean(String query) {
    String q = CONTROL.matcher(query).replaceAll(" ").strip();
    return q.length() > SearchRequest.MAX_QUERY ? q.substring(0, SearchRequest.MAX_QUERY) : q;
  }

  /**
   * Visitor syntax to a Lucene query; whatever cannot be parsed is searched as plain words.
   * Exclusions ({@code -word}, {@code -"a phrase"}) are taken out first and must not match: left to
   * the parser, "-word" beside other words would mean "or anything without word".
   */
  Query parse(String q) {
    if (q.isBlank()) {
      return new MatchAllDocsQuery();
    }
    List<String> words = Arrays.asList(SPACES.split(q));
    String limited = String.join(" ", words.subList(0, Math.min(MAX_WORDS, words.size())));
    List<Query> excluded = new ArrayList<>();
    Matcher m = EXCLUSION.matcher(limited);
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      Query not = parseOrFallback(m.group(1));
      if (!(not instanceof MatchNoDocsQuery)) {
        // Excluded words are not scored: sought once in the field holding every field's words,
        // not in each of ten fields (a common word excluded was a third of such a search).
        excluded.add(countable(not));
      }
      m.appendReplacement(rest, " ");
    }
    m.appendTail(rest);
    Query positive =
        rest.toString().isBlank()
            ? new MatchAllDocsQuery()
            : withoutRepeats(parseOrFallback(rest.toString()));
    if (excluded.isEmpty()) {
      return positive;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(positive, BooleanClause.Occur.MUST);
    excluded.forEach(x -> b.add(x, BooleanClause.Occur.MUST_NOT));
    return b.build();
  }

  /**
   * A word typed twice ("trust trust") or in two forms of one stem counts once: repeated, a word
   * every column uses kept the ranking from skipping any column, five times slower.
   */
  private static Query withoutRepeats(Query query) {
    return query instanceof BooleanQuery b ? distinct(b, b.clauses()) : query;
  }

  /** {@code b} with {@code clauses} in place of its own, each clause once. */
  private static BooleanQuery distinct(BooleanQuery b, List<BooleanClause> clauses) {
    BooleanQuery.Builder distinct =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
    new java.util.LinkedHashSet<>(clauses).forEach(distinct::add);
    return distinct.build();
  }

  private Query parseOrFallback(String text) {
    String syntax = AND.matcher(OR.matcher(text).replaceAll("|")).replaceAll("+");
    try {
      SimpleQueryParser parser =
          new SimpleQueryParser(queryAnalyzer, WEIGHTS, FLAGS & ~SimpleQueryParser.NOT_OPERATOR);
      parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
      Query parsed = parser.parse(syntax);
      return parsed == null ? new MatchNoDocsQuery() : parsed;
    } catch (RuntimeException e) {
      Query parsed =
          new SimpleQueryParser(queryAnalyzer, WEIGHTS, 0)
              .parse(NOT_A_WORD.matcher(text).replaceAll(" "));
      return parsed == null ? new MatchNoDocsQuery() : parsed;
    }
  }

  private static Query filtered(Query query, SearchRequest r) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    if (r.tag() != null && !r.tag().isBlank()) {
      b.add(
          new TermQuery(new Term(ColumnDocument.TAG, r.tag().toLowerCase(Locale.ROOT))),
          BooleanClause.Occur.FILTER);
    }
    if (r.industry() != null && !r.industry().isBlank()) {
      b.add(
          new TermQuery(
              new Term(ColumnDocument.INDUSTRY_EXACT, r.industry().toLowerCase(Locale.ROOT))),
          BooleanClause.Occur.FILTER);
    }
    if (r.year() != null) {
      b.add(
          new TermQuery(new Term(ColumnDocument.YEAR, r.year().toString())),
          BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** The query with each unknown word (not in any column) replaced by its closest known word. */
  private String correct(IndexReader reader, String q) throws IOException {
    Matcher m = WORD.matcher(q);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String word = m.group().toLowerCase(Locale.ROOT);
      String replacement = m.group();
      if (!word.equals("or")
          && !word.equals("and")
          && !synonymWords.contains(word)
          && reader.docFreq(new Term(ColumnDocument.SPELL, word)) == 0) {
        SuggestWord[] suggestions =
            spelling.suggestSimilar(
                new Term(ColumnDocument.SPELL, word),
                1,
                reader,
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (suggestions.length > 0) {
          replacement = suggestions[0].string;
          changed = true;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return changed ? out.toString() : null;
  }

  /** A more common spelling of the query's words, when it found little. */
  private String suggest(IndexReader reader, String q) throws IOException {
    Matcher m = WORD.matcher(q);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      SuggestWord[] s =
          spelling.suggestSimilar(
              new Term(ColumnDocument.SPELL, m.group().toLowerCase(Locale.ROOT)),
              1,
              reader,
              SuggestMode.SUGGEST_MORE_POPULAR);
      m.appendReplacement(out, Matcher.quoteReplacement(s.length > 0 ? s[0].string : m.group()));
      changed |= s.length > 0;
    }
    m.appendTail(out);
    return changed ? out.toString() : null;
  }

  private List<Hit> hits(IndexSearcher s, Query query, TopDocs top, ScoreDoc[] page)
      throws IOException {
    // The question and the answer hold the passage a visitor wants to see; highlighting the
    // other three sections too doubled the cost of a search for little gain.
    String[] fields = {ColumnDocument.QUESTION, ColumnDocument.ANSWER};
    // Each hit's stored document read once, and only what a hit shows: decompressing it was a
    // fifth of a search, done twice (for the snippets, then for the hit).
    Map<Integer, Document> documents = new HashMap<>();
    int[] shown = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      shown[i] = page[i].doc;
    }
    forReader(s.getIndexReader()).stored().read(shown, ColumnDocument.SHOWN, documents);
    String[] snippets = new String[page.length];
    if (page.length > 0 && !(query instanceof MatchAllDocsQuery)) {
      UnifiedHighlighter highlighter =
          new UnifiedHighlighter(
              UnifiedHighlighter.builder(s, indexAnalyzer)
                  .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                  .withMaxLength(MAX_HIGHLIGHTED)
                  .withScorer(PASSAGE_SCORE)
                  // Weight matches re-run the query per hit: three times the cost, no better
                  // snippets.
                  .withWeightMatches(false)) {
            // The sections hold their offsets in the postings (ColumnDocument): finding that out
            // merged every segment's field infos, once a search.
            @Override
            protected OffsetSource getOffsetSource(String field) {
              return OffsetSource.POSTINGS;
            }

            @Override
            protected FieldOffsetStrategy getOffsetStrategy(
                OffsetSource source, UHComponents components) {
              return source == OffsetSource.POSTINGS
                  ? new SeekOnceOffsets(components)
                  : super.getOffsetStrategy(source, components);
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(
                String[] loaded, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
              List<CharSequence[]> values = new ArrayList<>();
              for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; ) {
                CharSequence[] texts = new CharSequence[loaded.length];
                for (int f = 0; f < loaded.length; f++) {
                  String text = documents.get(doc).get(loaded[f]);
                  text = text == null ? "" : text;
                  texts[f] =
                      text.length() > MAX_HIGHLIGHTED ? text.substring(0, MAX_HIGHLIGHTED) : text;
                }
                values.add(texts);
                doc = docs.nextDoc();
              }
              return values;
            }
          };
      // The query seeks its words in the weighted field; the passages come from the sections, so
      // it is asked of each section (a phrase is marked only where it is, in that section). The
      // answer is highlighted only for the hits whose question marks nothing.
      for (String field : fields) {
        List<Integer> unmarked = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
          if (snippets[i] == null) {
            unmarked.add(i);
          }
        }
        if (unmarked.isEmpty()) {
          break;
        }
        ScoreDoc[] docs = unmarked.stream().map(i -> page[i]).toArray(ScoreDoc[]::new);
        String[] values =
            highlighter.highlight(
                field, inField(query, field), new TopDocs(top.totalHits, docs), 1);
        for (int j = 0; j < docs.length; j++) {
          if (values[j] != null && values[j].contains("<mark>")) {
            snippets[unmarked.get(j)] = values[j];
          }
        }
      }
    }
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      hits.add(ColumnDocument.hit(documents.get(page[i].doc), snippets[i]));
    }
    return hits;
  }

  /** {@code query} with its words sought in {@code field} instead of the weighted field. */
  private static Query inField(Query query, String field) {
    if (query instanceof BoostQuery boost) {
      return new BoostQuery(inField(boost.getQuery(), field), boost.getBoost());
    }
    if (query instanceof TermQuery term && WEIGHTS.containsKey(term.getTerm().field())) {
      return new TermQuery(new Term(field, term.getTerm().bytes()));
    }
    if (query instanceof SynonymQuery synonyms && WEIGHTS.containsKey(synonyms.getField())) {
      SynonymQuery.Builder same = new SynonymQuery.Builder(field);
      synonyms.getTerms().forEach(t -> same.addTerm(new Term(field, t.bytes())));
      return same.build();
    }
    if (query instanceof PhraseQuery phrase && WEIGHTS.containsKey(phrase.getField())) {
      PhraseQuery.Builder same = new PhraseQuery.Builder().setSlop(phrase.getSlop());
      for (int i = 0; i < phrase.getTerms().length; i++) {
        same.add(new Term(field, phrase.getTerms()[i].bytes()), phrase.getPositions()[i]);
      }
      return same.build();
    }
    if (query instanceof BooleanQuery b) {
      BooleanQuery.Builder same =
          new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      b.clauses().forEach(c -> same.add(inField(c.getQuery(), field), c.getOccur()));
      return same.build();
    }
    return query;
  }

  /** What searches keep of one index reader, made anew when the reader changes. */
  private record ForReader(
      IndexReader reader, FacetTable facets, ScoreTable scores, StoredFieldsPool stored) {}

  // Decoding every column's facet values takes a while: once per reader, not per search.
  private synchronized ForReader forReader(IndexReader reader) throws IOException {
    if (forReader == null || forReader.reader() != reader) {
      forReader =
          new ForReader(
              reader, FacetTable.of(reader), ScoreTable.of(reader), new StoredFieldsPool(reader));
    }
    return forReader;
  }
}
