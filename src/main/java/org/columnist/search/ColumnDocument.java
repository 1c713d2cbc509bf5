package org.columnist.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.columnist.column.Column;
import org.columnist.column.Section;

/**
 * What the index holds for a column: the field names, how a column becomes a Lucene document and
 * how a stored document becomes a {@link Hit}. The writer ({@link SearchIndex}) and the reader
 * ({@link Searcher}) both go by this, so a field is named and typed in one place.
 */
final class ColumnDocument {
  static final String SLUG = "slug";
  static final String SOURCE = "source";
  static final String HASH = "hash";
  static final String STAMP = "stamp";
  static final String TITLE = "title";
  static final String ISSUE = "issue";
  static final String INDUSTRY = "industry";
  static final String TAGS = "tags";
  static final String TAG = "tag";
  static final String INDUSTRY_EXACT = "industry_exact";
  static final String YEAR = "year";
  static final String DATE = "date";
  static final String PATH = "path";
  static final String SPELL = "spell";
  static final String ALL = "all";
  static final String QUESTION = "question";
  static final String ANSWER = "answer";

  /**
   * The words a query weighs: each part's words (title, issue, topics, industry, job title, then
   * the sections in their order) as many times as {@link #WEIGHTS} says, at its position, so that
   * one term's frequency there is its weighted frequency over them all (BM25F), and a query seeks
   * each word once instead of once in each part.
   */
  static final String WEIGHTED = "weighted";

  private static final int[] WEIGHTS = {8, 6, 6, 3, 2, 3, 2, 1, 1, 1};

  // Positions between two parts in WEIGHTED: more than a phrase's slop, so none spans two.
  private static final int FIELD_GAP = 100;

  /** The stored fields a hit shows ({@link #hit}) and its snippets are taken from. */
  static final Set<String> SHOWN = Set.of(SLUG, TITLE, PATH, DATE, ISSUE, TAG, QUESTION, ANSWER);

  /**
   * What the documents hold, in each commit's user data: an index written by a version with other
   * fields, or another codec ({@link ColumnistCodec}), is rebuilt by the next update.
   */
  static final String VERSION = "6";

  // Which columns contain a word, and nothing else: enough to count the hits of a query, and to
  // tell a word in the archive from a misspelling.
  private static final FieldType DOCS_ONLY = new FieldType();

  static {
    DOCS_ONLY.setIndexOptions(IndexOptions.DOCS);
    DOCS_ONLY.setTokenized(true);
    DOCS_ONLY.setOmitNorms(true);
    DOCS_ONLY.freeze();
  }

  // How often each word, for related columns' scores (MoreLikeThis): no phrase is sought there.
  private static final FieldType FREQS = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    FREQS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    FREQS.freeze();
  }

  // Offsets in the postings let the highlighter find passages without re-analysing the text. The
  // text is stored in a StoredField of the same name, as the tokens come pre-analysed.
  private static final FieldType WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    WITH_OFFSETS.freeze();
  }

  // Frequencies and positions (phrases), no offsets: the highlighter reads the sections' own.
  private static final FieldType WEIGHED = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    WEIGHED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    WEIGHED.freeze();
  }

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private ColumnDocument() {}

  /**
   * The document of {@code c}, read from {@code source} (whose content hash and stamp it keeps).
   * Only what searches read is indexed: the weighted words, every word once (for counting hits and
   * exclusions), the words as written (spelling), the title, issue and question (related columns),
   * the question and the answer with offsets (snippets), and the exact values filters and facets go
   * by.
   */
  static Document of(Column c, String source, String hash, String stamp) {
    Document doc = new Document();
    doc.add(new StringField(SLUG, c.slug(), Field.Store.YES));
    doc.add(new StringField(SOURCE, source, Field.Store.YES));
    doc.add(new StoredField(HASH, hash));
    doc.add(new StoredField(STAMP, stamp));
    // Each text analysed once, its one pass replayed to each field it goes in, while the words of
    // ALL and SPELL are gathered.
    Tokens.Analysis analysis = Tokens.ofColumn();
    Tokens[] weighed = new Tokens[WEIGHTS.length];
    Tokens title = analysis.text(c.title(), true);
    doc.add(new Field(TITLE, title, FREQS));
    doc.add(new StoredField(TITLE, c.title()));
    weighed[0] = title;
    Tokens issue = analysis.text(c.client().issue(), true);
    doc.add(new Field(ISSUE, issue, FREQS));
    doc.add(new StoredField(ISSUE, c.client().issue()));
    weighed[1] = issue;
    weighed[2] = analysis.text(String.join(" . ", c.tags()), false);
    for (String tag : c.tags()) {
      doc.add(new StringField(TAG, tag.toLowerCase(Locale.ROOT), Field.Store.YES));
      doc.add(new SortedSetDocValuesFacetField(TAGS, tag));
    }
    if (c.client().industry() != null) {
      weighed[3] = analysis.text(c.client().industry(), false);
      doc.add(
          new StringField(
              INDUSTRY_EXACT, c.client().industry().toLowerCase(Locale.ROOT), Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(INDUSTRY, c.client().industry()));
    }
    if (c.client().title() != null) {
      weighed[4] = analysis.text(c.client().title(), false);
    }
    String year = String.valueOf(c.date().getYear());
    doc.add(new StringField(YEAR, year, Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(YEAR, year));
    doc.add(new StoredField(DATE, c.date().toString()));
    doc.add(new NumericDocValuesField(DATE, c.date().toEpochDay()));
    doc.add(new StoredField(PATH, c.path()));
    Section[] sections = Section.values();
    for (int i = 0; i < sections.length; i++) {
      String text = c.section(sections[i]);
      Tokens section = analysis.text(text, true);
      weighed[5 + i] = section;
      String field =
          switch (sections[i]) {
            case QUESTION -> QUESTION;
            case ANSWER -> ANSWER;
            case INNER_GAME, OUTER_GAME, LAST_WORD -> null; // searched only by their weight
          };
      if (field != null) {
        doc.add(new Field(field, section, WITH_OFFSETS));
        doc.add(new StoredField(field, text));
      }
    }
    doc.add(new Field(WEIGHTED, Tokens.stacked(weighed, WEIGHTS, FIELD_GAP), WEIGHED));
    doc.add(new Field(SPELL, analysis.written(), DOCS_ONLY));
    doc.add(new Field(ALL, analysis.all(), DOCS_ONLY));
    return doc;
  }

  /**
   * The writer's analyzer, for a field given as text; every text field today comes analysed ({@link
   * Tokens}).
   */
  static Analyzer analyzer() {
    return Analyzers.index();
  }

  /** Topics are many to a column; the other facets one. */
  static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(TAGS, true);
    return config;
  }

  /** The hit a stored document shows: its {@code snippet}, or else the opening of its question. */
  static Hit hit(Document d, String snippet) {
    String text = snippet;
    if (text == null) {
      String question =
          d.get(QUESTION) == null ? "" : SPACES.matcher(d.get(QUESTION)).replaceAll(" ");
      text =
          escape(
              question.length() > 200
                  ? question.substring(
                          0,
                          question.lastIndexOf(' ', 200) > 0 ? question.lastIndexOf(' ', 200) : 200)
                      + "…"
                  : question);
    }
    return new Hit(
        d.get(SLUG),
        d.get(TITLE),
        d.get(PATH),
        d.get(DATE),
        d.get(ISSUE),
        List.of(d.getValues(TAG)),
        text);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
