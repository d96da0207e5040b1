package io.deltalake4j.internal.filter;

import static io.deltalake4j.types.Types.array;
import static io.deltalake4j.types.Types.decimal;
import static io.deltalake4j.types.Types.map;

import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;

/** A table schema with a column of every type, for binder tests. */
final class BinderSchemas {
  private BinderSchemas() {}

  static final StructType SALES =
      StructType.builder()
          .addRequired("transaction_id", PrimitiveType.LONG)
          .add("product", PrimitiveType.STRING)
          .add("price", decimal(10, 2))
          .add("rate", decimal(2, 2))
          .add("quantity", PrimitiveType.INT)
          .add("small", PrimitiveType.SHORT)
          .add("tiny", PrimitiveType.BYTE)
          .add("ratio", PrimitiveType.FLOAT)
          .add("score", PrimitiveType.DOUBLE)
          .add("paid", PrimitiveType.BOOLEAN)
          .add("payload", PrimitiveType.BINARY)
          .add("day", PrimitiveType.DATE)
          .add("ts", PrimitiveType.TIMESTAMP)
          .add("local_ts", PrimitiveType.TIMESTAMP_NTZ)
          .add(
              "address",
              StructType.of(
                  StructField.of("city", PrimitiveType.STRING),
                  StructField.of(
                      "geo", StructType.of(StructField.of("lat", PrimitiveType.DOUBLE)))))
          .add("tags", array(PrimitiveType.STRING))
          .add("attrs", map(PrimitiveType.STRING, PrimitiveType.STRING))
          .add("doc", PrimitiveType.VARIANT)
          .add("Region", PrimitiveType.STRING)
          .add("a.b", PrimitiveType.INT)
          .build();
}
