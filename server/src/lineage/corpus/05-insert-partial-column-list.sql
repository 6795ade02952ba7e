CREATE TABLE src (a INT, b STRING) WITH ('connector' = 'datagen');
CREATE TABLE dst (x INT, y STRING, z DOUBLE) WITH ('connector' = 'print');
INSERT INTO dst (x, z) SELECT a, CAST(a AS DOUBLE) * 1.5 FROM src;
