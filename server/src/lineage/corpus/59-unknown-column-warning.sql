CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'datagen');
CREATE TABLE dst (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO dst SELECT id, nmae FROM src;
