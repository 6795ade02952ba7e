CREATE TABLE Orders (order_id BIGINT, product_id BIGINT, amount INT) WITH ('connector' = 'datagen');
CREATE TABLE Product (id BIGINT, name STRING, price DOUBLE) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://localhost:3306/shop', 'table-name' = 'product');
CREATE TABLE revenue (order_id BIGINT, product_name STRING, revenue DOUBLE) WITH ('connector' = 'print');
INSERT INTO revenue
SELECT o.order_id, p.name, o.amount * p.price
FROM Orders AS o
INNER JOIN Product AS p ON o.product_id = p.id;
