CREATE TABLE impressions (
  ad_id STRING,
  imp_time TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  WATERMARK FOR imp_time AS imp_time - INTERVAL '5' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'impressions', 'format' = 'json');
CREATE TABLE ad_clicks WITH ('topic' = 'clicks') LIKE impressions;
CREATE TABLE conversions (ad_id STRING, delay_seconds INT) WITH ('connector' = 'print');
INSERT INTO conversions
SELECT i.ad_id, TIMESTAMPDIFF(SECOND, i.imp_time, c.imp_time)
FROM impressions i JOIN ad_clicks c ON i.ad_id = c.ad_id
AND c.imp_time BETWEEN i.imp_time AND i.imp_time + INTERVAL '1' HOUR;
