CREATE TABLE raw_events (id BIGINT, v DOUBLE, kind STRING) WITH ('connector' = 'datagen');
CREATE VIEW scaled AS SELECT id, v * 10 AS v10, kind FROM raw_events;
CREATE VIEW labelled AS SELECT id, v10 + 1 AS score, UPPER(kind) AS label FROM scaled;
CREATE TABLE scores (id BIGINT, score DOUBLE, label STRING) WITH ('connector' = 'print');
INSERT INTO scores SELECT id, ROUND(score, 2), label FROM labelled;
