CREATE TABLE Orders (order_id BIGINT, product STRING, amount INT, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE rolling (order_id BIGINT, product STRING, one_hour_prod_amount_sum INT) WITH ('connector' = 'print');
INSERT INTO rolling
SELECT order_id, product,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;
