CREATE FUNCTION split_words AS 'com.example.udf.SplitWords';
CREATE TABLE sentences (id BIGINT, sentence STRING) WITH ('connector' = 'datagen');
CREATE TABLE words (id BIGINT, word STRING, len INT) WITH ('connector' = 'print');
INSERT INTO words
SELECT id, word, length
FROM sentences, LATERAL TABLE(split_words(sentence)) AS T(word, length);
