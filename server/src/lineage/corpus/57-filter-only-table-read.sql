CREATE TABLE events (id BIGINT, user_id STRING) WITH ('connector' = 'datagen');
CREATE TABLE blocked_users (user_id STRING) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/x', 'table-name' = 'blocked');
CREATE TABLE event_count (cnt BIGINT) WITH ('connector' = 'print');
INSERT INTO event_count
SELECT COUNT(*) FROM events WHERE user_id NOT IN (SELECT user_id FROM blocked_users);
