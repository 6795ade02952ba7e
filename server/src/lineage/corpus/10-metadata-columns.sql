CREATE TABLE kafka_orders (
  `event_time` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  `partition` BIGINT METADATA VIRTUAL,
  `offset` BIGINT METADATA VIRTUAL,
  `user_id` BIGINT,
  `item_id` BIGINT,
  `behavior` STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'user_behavior',
  'properties.bootstrap.servers' = 'localhost:9092',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'csv'
);
CREATE TABLE audit (user_id BIGINT, kafka_position STRING, written_at TIMESTAMP_LTZ(3)) WITH ('connector' = 'print');
INSERT INTO audit SELECT user_id, CONCAT(CAST(`partition` AS STRING), ':', CAST(`offset` AS STRING)), event_time FROM kafka_orders;
