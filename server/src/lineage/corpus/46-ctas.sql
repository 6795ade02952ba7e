CREATE TABLE orders (order_id BIGINT, amount DOUBLE, status STRING) WITH ('connector' = 'datagen');
CREATE TABLE big_orders WITH ('connector' = 'print') AS SELECT order_id, amount * 100 AS amount_cents FROM orders WHERE amount > 1000;
