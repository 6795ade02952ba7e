CREATE TABLE src (id INT, name STRING, score INT) WITH ('connector' = 'datagen');
CREATE TABLE dst (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO dst
SELECT t.id, t.label FROM (
  SELECT id, CASE WHEN score > 90 THEN 'A' ELSE name END AS label FROM src WHERE score > 0
) AS t;
