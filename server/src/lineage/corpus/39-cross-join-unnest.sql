CREATE TABLE orders (order_id BIGINT, tags ARRAY<STRING>) WITH ('connector' = 'datagen');
CREATE TABLE order_tags (order_id BIGINT, tag STRING) WITH ('connector' = 'print');
INSERT INTO order_tags
SELECT o.order_id, t.tag
FROM orders AS o CROSS JOIN UNNEST(o.tags) AS t (tag);
