CREATE TABLE src (id INT, v STRING) WITH ('connector' = 'datagen');
SELECT id, v FROM src WHERE id > 10;
