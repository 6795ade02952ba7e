CREATE TABLE orders (order_id BIGINT, product STRING, amount DOUBLE) WITH ('connector' = 'datagen');
CREATE TABLE product_totals (product STRING, total DOUBLE) WITH ('connector' = 'print');
INSERT INTO product_totals
WITH orders_with_total AS (
    SELECT order_id, product, amount * 1.2 AS total_with_tax
    FROM orders
)
SELECT product, SUM(total_with_tax)
FROM orders_with_total
GROUP BY product;
