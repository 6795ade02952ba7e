CREATE TABLE clicks (user_id STRING, url STRING, click_time TIMESTAMP(3), WATERMARK FOR click_time AS click_time - INTERVAL '2' SECOND) WITH ('connector' = 'kafka', 'topic' = 'clicks', 'format' = 'json');
CREATE TABLE users (user_id STRING, region STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/users', 'table-name' = 'users');
CREATE VIEW clean_clicks AS SELECT user_id, LOWER(url) AS url, click_time FROM clicks WHERE url IS NOT NULL;
CREATE TABLE region_clicks (region STRING, window_start TIMESTAMP(3), clicks BIGINT) WITH ('connector' = 'print');
INSERT INTO region_clicks
SELECT u.region, w.window_start, COUNT(w.url)
FROM (SELECT * FROM TABLE(TUMBLE(TABLE clean_clicks, DESCRIPTOR(click_time), INTERVAL '1' MINUTES))) AS w
JOIN users AS u ON w.user_id = u.user_id
GROUP BY u.region, w.window_start, w.window_end;
