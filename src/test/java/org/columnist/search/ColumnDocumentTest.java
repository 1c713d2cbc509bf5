package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.columnist.column.Column;
import org.columnist.column.Columns;
import org.columnist.column.Section;
import org.junit.jupiter.api.Test;

class ColumnDocumentTest {
  @Test
  void aColumnsDocumentShowsAsAHitAtTheColumnsOwnPath() {
    Column column =
        Columns.aColumn()
            .withSlug("caught-between-boss-and-client")
            .withDate(LocalDate.of(2008, 4, 14))
            .withTags("managing up")
            .withQuestion("My boss & my client <both> want my loyalty.")
            .build();
    Document doc = ColumnDocument.of(column, column.archiveFile(), "hash", "1:2");

    Hit hit = ColumnDocument.hit(doc, null);

    assertThat(hit.slug()).isEqualTo("caught-between-boss-and-client");
    assertThat(hit.path()).isEqualTo(column.path());
    assertThat(hit.date()).isEqualTo("2008-04-14");
    assertThat(hit.tags()).containsExactly("managing up");
    assertThat(hit.snippet()).isEqualTo("My boss &amp; my client &lt;both&gt; want my loyalty.");
  }

  @Test
  void oneAnalysisIndexesTheSameAsAnalysingEachFieldAnew() throws Exception {
    Column column =
        Columns.aColumn()
            .withSlug("caught-between-boss-and-client")
            .withTitle("Caught between my boss's demands and the client's")
            .withTags("managing up", "Clients")
            .withQuestion(
                "My boss's client & my client <both> want my loyalty. The boss is the BOSS.")
            .withAnswer("Loyalty is not a ration: it's the work, done openly, for both of them.")
            .build();
    // The document as it was made before: each text field analysed by the writer itself.
    Document before = new Document();
    FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    before.add(new Field(ColumnDocument.QUESTION, column.section(Section.QUESTION), withOffsets));
    before.add(new Field(ColumnDocument.ANSWER, column.section(Section.ANSWER), withOffsets));
    StringBuilder written =
        new StringBuilder(column.title()).append('\n').append(column.client().issue());
    for (Section section : Section.values()) {
      written.append('\n').append(column.section(section));
    }
    StringBuilder all = new StringBuilder(written);
    all.append('\n').append(String.join(" . ", column.tags()));
    all.append('\n')
        .append(column.client().industry())
        .append('\n')
        .append(column.client().title());
    FieldType docsOnly = new FieldType();
    docsOnly.setIndexOptions(IndexOptions.DOCS);
    docsOnly.setTokenized(true);
    docsOnly.setOmitNorms(true);
    before.add(new Field(ColumnDocument.ALL, all.toString(), docsOnly));
    // The words as written, for spelling: lowercased, nothing dropped, no stems.
    Analyzer words =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
          }
        };
    Document spelling = new Document();
    spelling.add(
        new Field(
            ColumnDocument.SPELL,
            words.tokenStream(ColumnDocument.SPELL, written.toString()),
            docsOnly));

    Document now = ColumnDocument.of(column, column.archiveFile(), "hash", "1:2");
    for (String field :
        List.of(ColumnDocument.QUESTION, ColumnDocument.ANSWER, ColumnDocument.ALL)) {
      assertThat(postings(now, field)).as(field).isEqualTo(postings(before, field)).isNotEmpty();
    }
    assertThat(postings(now, ColumnDocument.SPELL))
        .isEqualTo(postings(spelling, ColumnDocument.SPELL))
        .contains("boss's", "the", "it's");
    assertThat(now.get(ColumnDocument.QUESTION)).isEqualTo(column.section(Section.QUESTION));
  }

  @Test
  void aColumnAnalysedAfterAnotherHoldsEveryOneOfItsWords() throws Exception {
    // The words of one thread's columns are remembered from one to the next: the second column
    // must still gather each of its words, its stop words must still be dropped.
    Column first = Columns.aColumn().withQuestion("The boss's client is my client.").build();
    Column second = Columns.aColumn().withQuestion("My client is the boss's client.").build();
    Document once = ColumnDocument.of(second, second.archiveFile(), "hash", "1:2");
    ColumnDocument.of(first, first.archiveFile(), "hash", "1:2");
    Document again = ColumnDocument.of(second, second.archiveFile(), "hash", "1:2");

    for (String field :
        List.of(
            ColumnDocument.ALL,
            ColumnDocument.SPELL,
            ColumnDocument.QUESTION,
            ColumnDocument.WEIGHTED)) {
      assertThat(postings(again, field)).as(field).isEqualTo(postings(once, field)).isNotEmpty();
    }
    assertThat(postings(again, ColumnDocument.QUESTION))
        .containsExactly("norm 4", "boss 4:17-23", "client 1:3-9 5:24-30", "my 0:0-2");
  }

  @Test
  void indexesOnlyTheFieldsThatSearchesRead() throws Exception {
    Column column = Columns.aColumn().withTags("managing up").build();
    Document doc = ColumnDocument.of(column, column.archiveFile(), "hash", "1:2");
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ColumnDocument.analyzer()))) {
        w.addDocument(ColumnDocument.facetsConfig().build(doc));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Map<String, IndexOptions> indexed = new TreeMap<>();
        for (FieldInfo f : reader.leaves().get(0).reader().getFieldInfos()) {
          if (f.getIndexOptions() != IndexOptions.NONE) {
            indexed.put(f.name, f.getIndexOptions());
          }
        }
        assertThat(indexed)
            .containsOnly(
                entry("$facets", IndexOptions.DOCS),
                entry(ColumnDocument.SLUG, IndexOptions.DOCS),
                entry(ColumnDocument.SOURCE, IndexOptions.DOCS),
                entry(ColumnDocument.TAG, IndexOptions.DOCS),
                entry(ColumnDocument.INDUSTRY_EXACT, IndexOptions.DOCS),
                entry(ColumnDocument.YEAR, IndexOptions.DOCS),
                entry(ColumnDocument.ALL, IndexOptions.DOCS),
                entry(ColumnDocument.SPELL, IndexOptions.DOCS),
                entry(ColumnDocument.TITLE, IndexOptions.DOCS_AND_FREQS),
                entry(ColumnDocument.ISSUE, IndexOptions.DOCS_AND_FREQS),
                entry(ColumnDocument.WEIGHTED, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS),
                entry(
                    ColumnDocument.QUESTION, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS),
                entry(
                    ColumnDocument.ANSWER, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS));
      }
    }
  }

  @Test
  void theWeightedFieldHoldsEachWordByItsFieldsWeightAndNoPhraseAcrossTwoFields() throws Exception {
    Column column =
        Columns.aColumn()
            .withTitle("Quarrelsome auditors")
            .withIssue("Overtime without thanks")
            .withQuestion("My auditors count the hours.")
            .build();
    Document doc = ColumnDocument.of(column, column.archiveFile(), "hash", "1:2");
    List<String> weighted = postings(doc, ColumnDocument.WEIGHTED);

    // Each repeat stacked at the word's own position; the question's words count less.
    assertThat(weighted)
        .filteredOn(l -> l.startsWith("quarrelsom "))
        .singleElement()
        .satisfies(
            l -> assertThat(l.split(" ")).hasSize(1 + 8).containsOnly("quarrelsom", "0:-1--1"));
    assertThat(weighted)
        .filteredOn(l -> l.startsWith("auditor "))
        .singleElement()
        .satisfies(l -> assertThat(l.split(" ")).hasSize(1 + 8 + 3));
    // The stacked repeats are left out of the length the score is normalised by.
    List<String> once =
        new ArrayList<>(
            List.of(
                column.title(),
                column.client().issue(),
                String.join(" . ", column.tags()),
                column.client().industry(),
                column.client().title()));
    for (Section section : Section.values()) {
      once.add(column.section(section));
    }
    assertThat(weighted.get(0)).isEqualTo(norm(String.join(" ", once)));

    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ColumnDocument.analyzer()))) {
        w.addDocument(ColumnDocument.facetsConfig().build(doc));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(reader);
        assertThat(s.count(new PhraseQuery(ColumnDocument.WEIGHTED, "quarrelsom", "auditor")))
            .isEqualTo(1);
        // The title's last word and the issue's first are not a phrase.
        assertThat(s.count(new PhraseQuery(ColumnDocument.WEIGHTED, "auditor", "overtim")))
            .isZero();
        assertThat(s.count(new PhraseQuery(10, ColumnDocument.WEIGHTED, "auditor", "overtim")))
            .isZero();
      }
    }
  }

  /** The norm of {@code text} as one plain field. */
  private static String norm(String text) throws IOException {
    Document plain = new Document();
    plain.add(new TextField("plain", text, Field.Store.NO));
    return postings(plain, "plain").get(0);
  }

  /** Every term of {@code field} with its positions, offsets and the field's norm. */
  private static List<String> postings(Document doc, String field) throws IOException {
    List<String> out = new ArrayList<>();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ColumnDocument.analyzer()))) {
        w.addDocument(ColumnDocument.facetsConfig().build(doc));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        LeafReader leaf = reader.leaves().get(0).reader();
        NumericDocValues norms = leaf.getNormValues(field);
        if (norms != null && norms.advanceExact(0)) {
          out.add("norm " + norms.longValue());
        }
        TermsEnum terms = leaf.terms(field).iterator();
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
          PostingsEnum p = terms.postings(null, PostingsEnum.ALL);
          p.nextDoc();
          StringBuilder line = new StringBuilder(term.utf8ToString());
          if (leaf.getFieldInfos().fieldInfo(field).getIndexOptions() != IndexOptions.DOCS) {
            for (int i = 0; i < p.freq(); i++) {
              line.append(' ').append(p.nextPosition());
              line.append(':').append(p.startOffset()).append('-').append(p.endOffset());
            }
          }
          out.add(line.toString());
        }
      }
    }
    return out;
  }
}
