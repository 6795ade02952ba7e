CREATE TABLE src (id INT, name STRING, amount DOUBLE) WITH ('connector' = 'datagen');
CREATE TABLE names (id INT, name STRING) WITH ('connector' = 'print');
CREATE TABLE amounts (id INT, amount DOUBLE) WITH ('connector' = 'print');
BEGIN STATEMENT SET;
INSERT INTO names SELECT id, name FROM src;
INSERT INTO amounts SELECT id, CASE WHEN amount < 0 THEN 0 ELSE amount END FROM src;
END;
