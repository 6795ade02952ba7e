CREATE TABLE orders (
  order_id BIGINT,
  price DECIMAL(32, 2),
  buyer STRING
) WITH (
  'connector' = 'datagen'
);
CREATE TABLE print_sink (
  order_id BIGINT,
  price DECIMAL(32, 2),
  buyer STRING
) WITH (
  'connector' = 'print'
);
INSERT INTO print_sink SELECT order_id, price, buyer FROM orders;
