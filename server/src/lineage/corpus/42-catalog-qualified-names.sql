CREATE CATALOG hive_catalog WITH ('type' = 'hive', 'hive-conf-dir' = '/opt/hive-conf');
CREATE TABLE default_catalog.default_database.kafka_src (id BIGINT, msg STRING) WITH ('connector' = 'kafka', 'topic' = 'msgs', 'format' = 'json');
INSERT INTO hive_catalog.ods.messages SELECT id, msg FROM default_catalog.default_database.kafka_src;
