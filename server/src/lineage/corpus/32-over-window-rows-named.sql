CREATE TABLE Orders (order_id BIGINT, product STRING, amount INT, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time) WITH ('connector' = 'datagen');
CREATE TABLE rolling (order_id BIGINT, cnt BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO rolling
SELECT order_id,
  COUNT(amount) OVER w AS cnt,
  SUM(amount) OVER w AS total
FROM Orders
WINDOW w AS (
  PARTITION BY product
  ORDER BY order_time
  ROWS BETWEEN 5 PRECEDING AND CURRENT ROW);
