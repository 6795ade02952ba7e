CREATE TABLE dst (id BIGINT, name STRING) WITH ('connector' = 'print');
INSERT INTO dst SELECT id, UPPER(name) FROM hive_users;
