CREATE TEMPORARY TABLE clicks (uid STRING, url STRING, cnt INT) WITH ('connector' = 'datagen');
CREATE TEMPORARY VIEW IF NOT EXISTS click_view (user_key, page) AS SELECT uid, UPPER(url) FROM clicks;
CREATE TABLE pages (user_key STRING, page STRING) WITH ('connector' = 'print');
INSERT INTO pages SELECT * FROM click_view;
