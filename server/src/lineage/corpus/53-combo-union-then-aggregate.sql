CREATE TABLE orders_eu (id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen');
CREATE TABLE orders_us (id BIGINT, amount_usd DOUBLE) WITH ('connector' = 'datagen');
CREATE TABLE totals (region STRING, total DOUBLE) WITH ('connector' = 'print');
INSERT INTO totals
SELECT region, SUM(amount)
FROM (
  SELECT 'EU' AS region, amount FROM orders_eu
  UNION ALL
  SELECT 'US' AS region, amount_usd * 0.9 AS amount FROM orders_us
)
GROUP BY region;
