CREATE TABLE Orders (
  order_id STRING,
  `user` STRING,
  product STRING,
  num BIGINT,
  proctime AS PROCTIME()
) WITH ('connector' = 'datagen');
CREATE TABLE first_orders (order_id STRING, `user` STRING, product STRING, num BIGINT) WITH ('connector' = 'print');
INSERT INTO first_orders
SELECT order_id, `user`, product, num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proctime ASC) AS row_num
  FROM Orders)
WHERE row_num = 1;
