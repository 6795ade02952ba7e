CREATE TABLE page_views (page_id STRING, user_id STRING, view_time TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TABLE page_uv (page_id STRING, dt STRING, uv BIGINT) WITH ('connector' = 'print');
INSERT INTO page_uv
SELECT page_id, DATE_FORMAT(view_time, 'yyyy-MM-dd'), COUNT(DISTINCT user_id)
FROM page_views
GROUP BY page_id, DATE_FORMAT(view_time, 'yyyy-MM-dd')
HAVING COUNT(DISTINCT user_id) > 10;
