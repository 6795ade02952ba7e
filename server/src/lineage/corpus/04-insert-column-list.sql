CREATE TABLE src (a INT, b STRING, c DOUBLE) WITH ('connector' = 'datagen');
CREATE TABLE dst (x INT, y STRING, z DOUBLE) WITH ('connector' = 'print');
INSERT INTO dst (z, x, y) SELECT c, a, b FROM src;
