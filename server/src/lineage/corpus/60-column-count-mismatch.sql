CREATE TABLE src (a INT, b INT, c INT) WITH ('connector' = 'datagen');
CREATE TABLE dst (a INT, b INT) WITH ('connector' = 'print');
INSERT INTO dst SELECT a, b, c FROM src;
