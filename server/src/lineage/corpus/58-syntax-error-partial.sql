CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'datagen');
CREATE TABLE dst (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO dst SELECT id, name FROM src WHERE;
INSERT INTO dst SELECT id, UPPER(name) FROM src;
