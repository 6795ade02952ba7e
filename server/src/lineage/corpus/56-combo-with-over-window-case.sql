CREATE TABLE sensor (sensor_id STRING, temp DOUBLE, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE alerts (sensor_id STRING, status STRING) WITH ('connector' = 'print');
INSERT INTO alerts
WITH smoothed AS (
  SELECT sensor_id, AVG(temp) OVER (PARTITION BY sensor_id ORDER BY ts ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS avg_temp
  FROM sensor
)
SELECT sensor_id, CASE WHEN avg_temp > 80 THEN 'HOT' ELSE 'OK' END
FROM smoothed;
