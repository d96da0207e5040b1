package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.HandWrittenLog;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filters on timestamp_ntz columns as Spark SQL evaluates them: IN lists, and date literals cast to
 * midnight, on plain columns and on columns widened from date (ALTER TABLE t CHANGE COLUMN d TYPE
 * TIMESTAMP_NTZ).
 */
@ExtendWith(LocalLake.class)
class TestTimestampNtzFilters {

  static final StructType NTZ = StructType.builder()
      .add("id", PrimitiveType.INT).add("d", PrimitiveType.TIMESTAMP_NTZ).build();

  static String plainNtz(Path dir, DeltaLake lake) {
    String path = dir.resolve("ntz").toString();
    lake.create(path).schema(NTZ).rows(List.of(
        Row.of(NTZ, 1, LocalDateTime.parse("2024-09-08T00:00:00")),
        Row.of(NTZ, 2, LocalDateTime.parse("2024-09-09T00:00:00")),
        Row.of(NTZ, 3, LocalDateTime.parse("2024-09-09T10:30:00")),
        Row.of(NTZ, 4, null))).commit();
    return path;
  }

  /**
   * A table written with a date column {@code d}, then widened to timestamp_ntz by a commit as
   * Spark's ALTER TABLE writes it: the old file keeps dates (and date statistics).
   */
  static String widenedFromDate(Path dir, DeltaLake lake) {
    StructType dates = StructType.builder().add("id", PrimitiveType.INT).add("d", PrimitiveType.DATE).build();
    Path table = dir.resolve("widened");
    String path = table.toString();
    lake.create(path).schema(dates).rows(List.of(
        Row.of(dates, 1, LocalDate.of(2024, 9, 8)),
        Row.of(dates, 2, LocalDate.of(2024, 9, 9)),
        Row.of(dates, 4, null))).commit();
    String id = lake.table(path).detail().id();
    HandWrittenLog.at(table).commit(1,
        "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
            + "\"readerFeatures\":[\"timestampNtz\",\"typeWidening\"],"
            + "\"writerFeatures\":[\"appendOnly\",\"invariants\",\"timestampNtz\",\"typeWidening\"]}}",
        "{\"metaData\":{\"id\":\"" + id + "\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
            + "\"schemaString\":\"{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":["
            + "{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"integer\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}},"
            + "{\\\"name\\\":\\\"d\\\",\\\"type\\\":\\\"timestamp_ntz\\\",\\\"nullable\\\":true,\\\"metadata\\\":"
            + "{\\\"delta.typeChanges\\\":[{\\\"toType\\\":\\\"timestamp_ntz\\\",\\\"fromType\\\":\\\"date\\\"}]}}]}\","
            + "\"partitionColumns\":[],\"configuration\":{\"delta.enableTypeWidening\":\"true\"},"
            + "\"createdTime\":1700000000000}}",
        HandWrittenLog.commitInfo("CHANGE COLUMN", 1_700_000_001_000L));
    Row after = Row.of(NTZ, 3, LocalDateTime.parse("2024-09-09T10:30:00"));
    lake.table(path).append().rows(List.of(after)).commit();
    return path;
  }

  static List<Integer> ids(DeltaTable t, String where) {
    return t.scan().where(where).select("id").toList().stream().map(r -> (Integer) r.get("id")).sorted().toList();
  }

  @Test
  void inListOnTimestampNtzReadsTheMatchingRows(@TempDir Path dir, DeltaLake lake) {
    DeltaTable t = lake.table(plainNtz(dir, lake));

    assertThat(ids(t, "d IN (TIMESTAMP '2024-09-09 10:30:00', TIMESTAMP '2024-09-08 00:00:00')")).containsExactly(1, 3);
    assertThat(ids(t, "d IN ('2024-09-09', '2024-01-01')")).containsExactly(2);
    assertThat(ids(t, "d NOT IN (DATE '2024-09-09')")).containsExactly(1, 3);
  }

  @Test
  void dateLiteralsMeetAPlainTimestampNtzColumnAtMidnight(@TempDir Path dir, DeltaLake lake) {
    DeltaTable t = lake.table(plainNtz(dir, lake));

    assertThat(ids(t, "d = '2024-09-09'")).containsExactly(2);
    assertThat(ids(t, "d >= DATE '2024-09-09'")).containsExactly(2, 3);
    assertThat(ids(t, "d < DATE '2024-09-09'")).containsExactly(1);
  }

  @Test
  void dateLiteralsMeetAColumnWidenedFromDateAtMidnight(@TempDir Path dir, DeltaLake lake) {
    DeltaTable t = lake.table(widenedFromDate(dir, lake));

    assertThat(t.schema().field("d").orElseThrow().type()).isEqualTo(PrimitiveType.TIMESTAMP_NTZ);
    assertThat(t.scan().toList()).hasSize(4);
    assertThat(ids(t, "d = '2024-09-09'")).containsExactly(2);
    assertThat(ids(t, "d >= DATE '2024-09-09'")).containsExactly(2, 3);
    assertThat(ids(t, "d < DATE '2024-09-09'")).containsExactly(1);
    assertThat(ids(t, "d IN (DATE '2024-09-08', TIMESTAMP '2024-09-09 10:30:00')")).containsExactly(1, 3);
  }
}
