CREATE TABLE clicks (
  user_id STRING,
  url STRING,
  proc_time AS PROCTIME()
) WITH ('connector' = 'datagen');
CREATE TABLE click_sink (user_id STRING, url STRING, seen_at TIMESTAMP_LTZ(3)) WITH ('connector' = 'print');
INSERT INTO click_sink SELECT user_id, url, proc_time FROM clicks;
