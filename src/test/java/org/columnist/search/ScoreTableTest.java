package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.column.Columns.aColumn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.columnist.archive.Archive;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.config.InstanceSkeleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreTableTest {
  // Few words, so that each is in most columns: the queries the table ranks.
  private static final List<String> WORDS =
      List.of(
          "budget", "deadline", "trust", "respect", "plan", "feedback", "boss", "project", "risks");

  @TempDir Path dir;

  @Test
  void ranksCommonWordsAsLuceneDoesHitForHitAndScoreForScore() throws IOException {
    InstanceSkeleton.copyTo(dir);
    Archive archive = new Archive(dir.resolve("archive"));
    Path indexDir = dir.resolve("data/index");
    try (SearchIndex index = SearchIndex.open(indexDir, SearchIndex.DEFAULT_SYNONYMS)) {
      for (int i = 0; i < 400; i++) {
        // Eight columns of each text: equal scores, which go to the column first in the index.
        archive.write(column(i, new Random(i % 50)));
        if (i % 150 == 149) {
          index.update(archive); // several segments
        }
      }
      index.update(archive);
      // Deleted columns, left in their segments, are not hits.
      try (var files = Files.walk(dir.resolve("archive"))) {
        for (Path p : files.filter(p -> p.toString().matches(".*/c1[0-9]\\.md")).toList()) {
          Files.delete(p);
        }
      }
      assertThat(index.update(archive).deleted()).isEqualTo(10);
    }
    try (SearcherManager manager = new SearcherManager(FSDirectory.open(indexDir), null)) {
      IndexSearcher s = manager.acquire();
      assertThat(s.getIndexReader().numDeletedDocs()).isPositive();
      Searcher parser = new Searcher(manager, SearchIndex.DEFAULT_SYNONYMS);
      ScoreTable table = ScoreTable.of(s.getIndexReader());
      List<Query> queries = new ArrayList<>();
      for (String a : WORDS) {
        queries.add(parser.parse(a));
        for (String b : WORDS) {
          queries.add(parser.parse(a + " " + b));
          queries.add(parser.parse(a + " AND " + b));
          queries.add(parser.parse(a + " " + b + " -" + WORDS.get((a + b).length() % 9)));
          queries.add(
              new BooleanQuery.Builder()
                  .add(parser.parse(a + " " + b + " plan"), BooleanClause.Occur.MUST)
                  .add(
                      new TermQuery(new Term(ColumnDocument.TAG, "t1")), BooleanClause.Occur.FILTER)
                  .build());
        }
      }
      for (Query q : queries) {
        FixedBitSet hits = matches(s, q);
        for (int n : new int[] {1, 3, 10, 60}) {
          TopDocs ranked = table.top(s, q, hits, hits.cardinality(), n);
          assertThat(ranked).as(q.toString()).isNotNull();
          TopDocs lucene = s.search(q, new TopScoreDocCollectorManager(n, Integer.MAX_VALUE));
          assertThat(hitsOf(ranked)).as(q + " top " + n).isEqualTo(hitsOf(lucene));
        }
      }
      assertThat(table.keptTables()).isGreaterThanOrEqualTo(WORDS.size());
      // A phrase, searched once for the query, is added up with the words ("boss" has synonyms:
      // its phrases are not PhraseQuery).
      for (String a : WORDS.subList(0, 6)) {
        for (String b : WORDS.subList(0, 4)) {
          for (String text : List.of("\"" + a + " " + b + "\"", "\"" + a + " " + b + "\" trust")) {
            Query q = parser.parse(text);
            ScoreTable.Phrases phrases = table.phrases(s, q);
            assertThat(phrases.matches()).as(text).hasSize(1);
            FixedBitSet hits = matches(s, q);
            for (int n : new int[] {1, 10, 60}) {
              TopDocs ranked = table.top(s, q, hits, hits.cardinality(), n, phrases);
              assertThat(ranked).as(text).isNotNull();
              TopDocs lucene = s.search(q, new TopScoreDocCollectorManager(n, Integer.MAX_VALUE));
              assertThat(hitsOf(ranked)).as(text + " top " + n).isEqualTo(hitsOf(lucene));
            }
          }
        }
      }
      Query phrase = parser.parse("\"budget deadline\"");
      assertThat(table.top(s, phrase, matches(s, phrase), 1, 10)).isNull();
      manager.release(s);
    }
  }

  private static List<String> hitsOf(TopDocs top) {
    List<String> hits = new ArrayList<>();
    for (ScoreDoc d : top.scoreDocs) {
      hits.add(d.doc + ":" + d.score);
    }
    return hits;
  }

  /** Every live column {@code q} matches. */
  private static FixedBitSet matches(IndexSearcher s, Query q) throws IOException {
    FixedBitSet bits = new FixedBitSet(s.getIndexReader().maxDoc());
    Weight weight = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer == null ? DocIdSetIterator.empty() : scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          bits.set(leaf.docBase + doc);
        }
      }
    }
    return bits;
  }

  /** A column of random common words, so that scores differ little. */
  private static Column column(int i, Random random) {
    return aColumn()
        .withSlug("c" + i)
        .withTitle("Column " + i + " on " + words(random, 2))
        .withDate(LocalDate.of(2000 + i % 20, 1 + i % 12, 1 + i % 28))
        .withTags("t" + i % 4)
        .withClient(new ClientProfile("Sam", 30, "Analyst", 2, 1, "Banking", "Pay"))
        .withQuestion(words(random, 10 + random.nextInt(30)) + ".")
        .withAnswer(words(random, 20 + random.nextInt(60)) + ".")
        .build();
  }

  private static String words(Random random, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
    }
    return text.toString();
  }
}
