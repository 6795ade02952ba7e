CREATE TABLE orders (
  order_id BIGINT,
  user_id BIGINT,
  amount DOUBLE,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'orders', 'format' = 'json');
CREATE TABLE orders_copy WITH ('connector' = 'print') LIKE orders (EXCLUDING OPTIONS);
INSERT INTO orders_copy SELECT * FROM orders;
