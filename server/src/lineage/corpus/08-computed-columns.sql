CREATE TABLE events (
  id BIGINT,
  amount_cents BIGINT,
  event_millis BIGINT,
  amount AS amount_cents / 100.0,
  event_time AS TO_TIMESTAMP_LTZ(event_millis, 3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'events', 'format' = 'json');
CREATE TABLE sink (id BIGINT, amount DOUBLE, doubled DOUBLE, ts TIMESTAMP_LTZ(3)) WITH ('connector' = 'print');
INSERT INTO sink SELECT id, amount, amount * 2, event_time FROM events;
