package io.deltalake4j.types;

/** Short names for building schemas: {@code StructType.builder().add("price", decimal(10, 2))}. */
public final class Types {
  private Types() {}

  public static DecimalType decimal(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  public static ArrayType array(DataType elementType) {
    return ArrayType.of(elementType);
  }

  public static MapType map(DataType keyType, DataType valueType) {
    return MapType.of(keyType, valueType);
  }
}
