package io.deltalake4j.testing;

import java.math.BigDecimal;
import java.util.BitSet;

/**
 * What a scan of sales rows added up to: rows, distinct transaction ids, total quantity and total
 * price. Two scans of the same rows give equal totals; a row lost, doubled or damaged changes them.
 * Mutable; {@link #add} one row at a time.
 */
public final class SalesTotals {

  private long rows;
  private final BitSet ids = new BitSet();
  private long quantity;
  private BigDecimal price = BigDecimal.ZERO;

  /** The totals of rows 1..n of {@link io.deltalake4j.sample.SalesData#rows(int)}. */
  public static SalesTotals ofGenerated(int n) {
    SalesTotals t = new SalesTotals();
    io.deltalake4j.sample.SalesData.rows(n).forEach(r -> t.add(
        r.getLong("transaction_id"), r.getInt("quantity"), (BigDecimal) r.get("price")));
    return t;
  }

  public void add(long transactionId, int quantity, BigDecimal price) {
    rows++;
    ids.set(Math.toIntExact(transactionId));
    this.quantity += quantity;
    this.price = this.price.add(price);
  }

  public long rows() {
    return rows;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SalesTotals t && rows == t.rows && ids.equals(t.ids) && quantity == t.quantity
        && price.compareTo(t.price) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(rows) * 31 + Long.hashCode(quantity);
  }

  @Override
  public String toString() {
    return "rows=" + rows + ", distinct ids=" + ids.cardinality() + " (" + ids.nextSetBit(0) + ".." + (ids.length() - 1)
        + "), quantity=" + quantity + ", price=" + price.toPlainString();
  }
}
