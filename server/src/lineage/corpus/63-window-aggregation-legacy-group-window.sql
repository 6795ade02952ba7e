CREATE TABLE Orders (`user` STRING, amount INT, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE daily (`user` STRING, day_start TIMESTAMP(3), total INT) WITH ('connector' = 'print');
INSERT INTO daily
SELECT `user`, TUMBLE_START(order_time, INTERVAL '1' DAY), SUM(amount)
FROM Orders
GROUP BY TUMBLE(order_time, INTERVAL '1' DAY), `user`;
