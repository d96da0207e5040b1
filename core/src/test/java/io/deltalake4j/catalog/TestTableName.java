package io.deltalake4j.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestTableName {

  @Test
  void aNameIsDatabaseDotTableKeptInLowerCase() {
    TableName name = TableName.parse("Sales_DB.Orders_2024");

    assertThat(name.database()).isEqualTo("sales_db");
    assertThat(name.table()).isEqualTo("orders_2024");
    assertThat(name).hasToString("sales_db.orders_2024").isEqualTo(new TableName("SALES_DB", "orders_2024"));
  }

  @Test
  void pathsAndUrisAreNotNames() {
    assertThat(TableName.isName("default.sales")).isTrue();
    for (String path : new String[] {"sales", "./default.sales", "/data/sales", "data/sales.db", "file:///x.y",
        "hdfs://nn:8020/lake/t", "a.b.c", "a-b.c", ".sales", "sales."}) {
      assertThat(TableName.isName(path)).as(path).isFalse();
    }
  }

  @Test
  void invalidNamesAreRefusedWithTheFormToUse() {
    assertThatThrownBy(() -> TableName.parse("sales"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write database.table");
    assertThatThrownBy(() -> new TableName("my db", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid database name 'my db'");
  }

  @Test
  void aDatabaseNameAloneIsCheckedAndKeptInLowerCase() {
    assertThat(TableName.database("Sales_DB")).isEqualTo("sales_db");
    assertThatThrownBy(() -> TableName.database("sales.db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid database name 'sales.db'");
  }
}
