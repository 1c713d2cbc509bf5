package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.columnist.archive.Archive;
import org.columnist.config.InstanceSkeleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacetTableTest {
  @TempDir Path dir;

  @Test
  void wordsNoColumnHoldsAreNotKeptHoweverManyAVisitorTypes() throws Exception {
    InstanceSkeleton.copyTo(dir);
    try (SearchIndex index =
        SearchIndex.open(dir.resolve("data/index"), SearchIndex.DEFAULT_SYNONYMS)) {
      index.update(new Archive(dir.resolve("archive")));
    }
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(dir.resolve("data/index")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      FacetTable table = FacetTable.of(reader);
      for (int i = 0; i < 1000; i++) {
        table.count(searcher, new TermQuery(new Term(ColumnDocument.ALL, "nosuchword" + i)));
      }
      assertThat(table.keptSets()).isZero();
      assertThat(
              table.count(searcher, new TermQuery(new Term(ColumnDocument.ALL, "manag"))).total())
          .isPositive();
      assertThat(table.keptSets()).isEqualTo(1);
    }
  }
}
