CREATE TABLE orders (order_id BIGINT, price DOUBLE, quantity INT, status STRING) WITH ('connector' = 'datagen');
CREATE TABLE paid_orders (order_id BIGINT, total DOUBLE) WITH ('connector' = 'print');
CREATE VIEW paid AS SELECT order_id, price * quantity AS total FROM orders WHERE status = 'PAID';
INSERT INTO paid_orders SELECT order_id, total FROM paid;
