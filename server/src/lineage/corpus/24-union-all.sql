CREATE TABLE web_events (uid STRING, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TABLE app_events (user_name STRING, event_ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TABLE all_events (uid STRING, ts TIMESTAMP(3), channel STRING) WITH ('connector' = 'print');
INSERT INTO all_events
SELECT uid, ts, 'web' FROM web_events
UNION ALL
SELECT LOWER(user_name), event_ts, 'app' FROM app_events;
