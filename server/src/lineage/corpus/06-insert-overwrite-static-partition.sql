CREATE TABLE logs (ip STRING, url STRING, dt STRING) WITH ('connector' = 'datagen');
CREATE TABLE fs_sink (
  ip STRING,
  url STRING,
  dt STRING
) PARTITIONED BY (dt) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///tmp/fs_sink',
  'format' = 'csv'
);
INSERT OVERWRITE fs_sink PARTITION (dt = '2024-01-01') SELECT ip, LOWER(url) FROM logs;
