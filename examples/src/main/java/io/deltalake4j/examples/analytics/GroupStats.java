package io.deltalake4j.examples.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One group of a Polars-style {@code group_by(region, product).agg(...)} over the sales: the row
 * count, the sum, mean and sample standard deviation (ddof 1, as Polars) of {@code price}, and the
 * first and last {@code sale_date}. Price and date aggregates leave nulls out (NaN or null when
 * a group has none); the count counts rows.
 */
public record GroupStats(
    String region,
    String product,
    long count,
    BigDecimal priceSum,
    double priceMean,
    double priceStd,
    LocalDate firstSale,
    LocalDate lastSale) {}
