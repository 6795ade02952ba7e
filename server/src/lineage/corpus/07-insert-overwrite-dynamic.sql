CREATE TABLE logs (ip STRING, url STRING, dt STRING) WITH ('connector' = 'datagen');
CREATE TABLE fs_sink (ip STRING, url STRING, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'json');
INSERT OVERWRITE fs_sink SELECT ip, url, dt FROM logs;
