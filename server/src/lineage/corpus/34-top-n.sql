CREATE TABLE ShopSales (product_id STRING, category STRING, product_name STRING, sales BIGINT) WITH ('connector' = 'datagen');
CREATE TABLE top_products (category STRING, row_num BIGINT, product_id STRING, product_name STRING, sales BIGINT) WITH ('connector' = 'print');
INSERT INTO top_products
SELECT category, row_num, product_id, product_name, sales
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;
