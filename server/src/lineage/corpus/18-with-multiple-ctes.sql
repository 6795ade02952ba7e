CREATE TABLE a (k STRING, x INT) WITH ('connector' = 'datagen');
CREATE TABLE b (k STRING, y INT) WITH ('connector' = 'datagen');
CREATE TABLE out_t (k STRING, s INT) WITH ('connector' = 'print');
INSERT INTO out_t
WITH ca AS (SELECT k, x FROM a), cb (key2, y2) AS (SELECT k, y * 2 FROM b)
SELECT ca.k, ca.x + cb.y2 FROM ca JOIN cb ON ca.k = cb.key2;
