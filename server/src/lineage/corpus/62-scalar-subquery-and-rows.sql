CREATE TABLE prices (sku STRING, price DOUBLE) WITH ('connector' = 'datagen');
CREATE TABLE limits (max_price DOUBLE) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/x', 'table-name' = 'limits');
CREATE TABLE capped (sku STRING, price DOUBLE) WITH ('connector' = 'print');
INSERT INTO capped SELECT sku, LEAST(price, (SELECT MAX(max_price) FROM limits)) FROM prices;
