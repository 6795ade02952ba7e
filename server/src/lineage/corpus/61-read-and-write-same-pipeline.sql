CREATE TABLE raw_events (id BIGINT, v DOUBLE) WITH ('connector' = 'kafka', 'topic' = 'raw', 'format' = 'json');
CREATE TABLE staged (id BIGINT, v DOUBLE) WITH ('connector' = 'kafka', 'topic' = 'staged', 'format' = 'json');
CREATE TABLE final_out (id BIGINT, v DOUBLE) WITH ('connector' = 'print');
INSERT INTO staged SELECT id, ABS(v) FROM raw_events;
INSERT INTO final_out SELECT id, v FROM staged WHERE v > 1;
