CREATE TABLE src (a INT) WITH ('connector' = 'datagen');
CREATE VIEW v AS SELECT a FROM src;
INSERT INTO v SELECT a FROM src;
