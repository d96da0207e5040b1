package io.deltalake4j;

import io.deltalake4j.internal.kernel.KernelTable;
import io.deltalake4j.internal.kernel.TableWriter;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates a table: schema, partition columns, properties, and optionally its first rows, in one
 * commit (version 0). Nothing is written until {@link #commit()}. Not thread-safe; use once.
 */
public final class CreateTable {

  private final DeltaLake lake;
  private final KernelTable table;
  private StructType schema;
  private List<String> partitionColumns = List.of();
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final RowSource rows = new RowSource();

  CreateTable(DeltaLake lake, KernelTable table) {
    this.lake = lake;
    this.table = table;
  }

  public CreateTable schema(StructType schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    return this;
  }

  /** Partitions the table by these columns, in this order (Hive-style directories). */
  public CreateTable partitionBy(String... columns) {
    this.partitionColumns = List.copyOf(Arrays.asList(columns));
    return this;
  }

  /** A table property: a {@code delta.*} setting (validated by Delta) or a user property. */
  public CreateTable property(String key, String value) {
    properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  public CreateTable properties(Map<String, String> properties) {
    properties.forEach(this::property);
    return this;
  }

  /** Rows to write with the create; each must have the table's schema. */
  public CreateTable rows(Iterable<? extends Row> rows) {
    this.rows.addRows(rows);
    return this;
  }

  /** Rows as maps of column name to value; absent columns are null. */
  public CreateTable maps(Iterable<? extends Map<String, ?>> maps) {
    this.rows.addMaps(maps);
    return this;
  }

  /**
   * Creates the table.
   *
   * @throws io.deltalake4j.exceptions.TableAlreadyExistsException if a table is already there
   * @throws io.deltalake4j.exceptions.SchemaMismatchException if the schema, partitioning or a row
   *     is invalid; nothing is committed
   */
  public CommitResult commit() {
    lake.checkOpen();
    if (schema == null) {
      throw new IllegalStateException("Cannot create table at " + table.location() + ": no schema. Call schema(...) first.");
    }
    return TableWriter.create(table, schema, partitionColumns, properties, rows.iterator(schema));
  }

  /** Rows and maps given to a builder, turned into rows of the target schema on the way in. */
  static final class RowSource {
    private final List<Object> parts = new ArrayList<>();

    void addRows(Iterable<? extends Row> rows) {
      parts.add(Objects.requireNonNull(rows, "rows"));
    }

    void addMaps(Iterable<? extends Map<String, ?>> maps) {
      parts.add(new Maps(Objects.requireNonNull(maps, "maps")));
    }

    private record Maps(Iterable<? extends Map<String, ?>> maps) {}

    @SuppressWarnings("unchecked")
    Iterator<Row> iterator(StructType schema) {
      List<Iterator<Row>> its = new ArrayList<>();
      for (Object p : parts) {
        if (p instanceof Maps m) {
          Iterator<? extends Map<String, ?>> it = m.maps().iterator();
          its.add(new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Row next() {
              return Row.fromMap(schema, it.next());
            }
          });
        } else {
          its.add(((Iterable<Row>) p).iterator());
        }
      }
      return its.stream().flatMap(it -> {
        Iterable<Row> once = () -> it;
        return java.util.stream.StreamSupport.stream(once.spliterator(), false);
      }).iterator();
    }
  }
}
