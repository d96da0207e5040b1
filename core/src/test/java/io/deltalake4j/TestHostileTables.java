package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.testing.HandWrittenLog;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tables whose log asks for something dangerous or something we cannot honour: every file a write
 * makes stays under the table, and every write path refuses what it cannot enforce.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestHostileTables {

  private static List<String> filesUnder(String dir) throws Exception {
    Path root = new Path(dir);
    FileSystem fs = root.getFileSystem(new Configuration());
    List<String> out = new ArrayList<>();
    if (!fs.exists(root)) {
      return out;
    }
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      out.add(it.next().getPath().toString());
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void partitionColumnNamesWithPathCharactersStayInsideTheTable(StorageUnderTest storage, DeltaLake lake)
      throws Exception {
    String parent = storage.newTablePath("hostile");
    String path = parent + "/a/b/table";
    String evil = "../../../evil";
    HandWrittenLog.create(path, 1, 2,
        List.of(HandWrittenLog.field("id", "integer"), HandWrittenLog.field(evil, "string")), List.of(evil), Map.of());
    StructType schema = StructType.builder().add("id", PrimitiveType.INT).add(evil, PrimitiveType.STRING).build();

    lake.table(path).append().rows(List.of(Row.of(schema, 1, "x"), Row.of(schema, 2, "a/b"))).commit();

    List<String> all = filesUnder(parent);
    assertThat(all).allMatch(f -> f.startsWith(new Path(path).toString() + "/"), "under the table");
    assertThat(all).filteredOn(f -> f.endsWith(".parquet")).hasSize(2)
        .anyMatch(f -> f.contains("/..%2F..%2F..%2Fevil=x/"))
        .anyMatch(f -> f.contains("/..%2F..%2F..%2Fevil=a%2Fb/"));
    assertThat(lake.table(path).scan().toList()).extracting(r -> r.getString(1)).containsExactlyInAnyOrder("x", "a/b");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void everyWritePathRefusesATableWithCheckConstraints(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("constrained");
    HandWrittenLog.create(path, 1, 3, List.of(HandWrittenLog.field("id", "integer")), List.of(),
        Map.of("delta.constraints.positive", "id > 0"));
    StructType schema = StructType.builder().add("id", PrimitiveType.INT).build();
    StructType wider = StructType.builder().add("id", PrimitiveType.INT).add("note", PrimitiveType.STRING).build();
    List<Row> bad = List.of(Row.of(schema, -1));
    List<Row> badWide = List.of(Row.of(wider, -1, "n"));

    assertThatThrownBy(() -> lake.table(path).append().rows(bad).commit())
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("checkConstraints");
    assertThatThrownBy(() -> lake.table(path).append().mergeSchema(wider).rows(badWide).commit())
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("checkConstraints");
    assertThatThrownBy(() -> lake.table(path).overwrite().overwriteSchema(wider).rows(badWide).commit())
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("checkConstraints");
    assertThatThrownBy(() -> lake.write(path).mode(WriteMode.APPEND).mergeSchema().schema(wider).rows(badWide).commit())
        .isInstanceOf(DeltaException.class).hasMessageContaining("checkConstraints");

    assertThat(lake.table(path).version()).isZero();
    assertThat(filesUnder(path)).noneMatch(f -> f.endsWith(".parquet"));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aNulInAPartitionValueIsRefusedBeforeAnythingIsWritten(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("nul");
    StructType schema = StructType.builder().add("id", PrimitiveType.INT).add("p", PrimitiveType.STRING).build();
    lake.create(path).schema(schema).partitionBy("p").rows(List.of(Row.of(schema, 1, "a"))).commit();

    assertThatThrownBy(() -> lake.table(path).append()
            .rows(List.of(Row.of(schema, 2, "b"), Row.of(schema, 3, "x\0y"))).commit())
        .isInstanceOf(io.deltalake4j.exceptions.ConstraintViolationException.class)
        .hasMessageContaining("partition column p")
        .hasMessageContaining("NUL");

    assertThat(lake.table(path).version()).isZero();
    assertThat(filesUnder(path)).filteredOn(f -> !f.contains("/_delta_log/")).hasSize(1);
    Path root = new Path(path);
    assertThat(root.getFileSystem(new Configuration()).listStatus(root)).extracting(f -> f.getPath().getName())
        .as("no partition directory left behind").containsExactlyInAnyOrder("_delta_log", "p=a");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aChangeDataFeedTableRefusesOverwritesBeforeWritingAndTakesAppends(StorageUnderTest storage, DeltaLake lake)
      throws Exception {
    String path = storage.newTablePath("cdf");
    StructType schema = StructType.builder().add("id", PrimitiveType.INT).add("p", PrimitiveType.STRING).build();
    lake.create(path).schema(schema).partitionBy("p").property("delta.enableChangeDataFeed", "true")
        .rows(List.of(Row.of(schema, 1, "a"), Row.of(schema, 2, "a"), Row.of(schema, 3, "b"))).commit();

    for (String where : List.of("id = 1", "p = 'b'")) {
      assertThatThrownBy(() -> lake.table(path).overwrite().where(where).rows(List.of(Row.of(schema, 1, "a"))).commit())
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessageContaining("change data feed")
          .hasMessageContaining("Nothing was written");
    }
    assertThat(filesUnder(path)).filteredOn(f -> f.endsWith(".parquet")).hasSize(2);

    lake.table(path).append().rows(List.of(Row.of(schema, 4, "b"))).commit();
    assertThat(lake.table(path).scan().toList()).extracting(r -> r.getInt(0)).containsExactlyInAnyOrder(1, 2, 3, 4);
  }
}
