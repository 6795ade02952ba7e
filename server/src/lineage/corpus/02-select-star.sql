CREATE TABLE src (id INT, name STRING, amount DOUBLE) WITH ('connector' = 'datagen');
CREATE TABLE dst (id INT, name STRING, amount DOUBLE) WITH ('connector' = 'blackhole');
INSERT INTO dst SELECT * FROM src;
