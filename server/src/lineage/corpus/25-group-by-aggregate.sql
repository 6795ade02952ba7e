CREATE TABLE Orders (order_id BIGINT, `user` STRING, product STRING, amount INT) WITH ('connector' = 'datagen');
CREATE TABLE user_stats (`user` STRING, order_cnt BIGINT, total_amount INT, max_amount INT) WITH ('connector' = 'upsert-kafka', 'topic' = 'stats', 'key.format' = 'json', 'value.format' = 'json');
INSERT INTO user_stats
SELECT `user`, COUNT(*), SUM(amount), MAX(amount)
FROM Orders
GROUP BY `user`;
