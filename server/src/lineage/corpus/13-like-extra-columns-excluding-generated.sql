CREATE TABLE base_events (
  id BIGINT,
  payload STRING,
  ts BIGINT,
  event_time AS TO_TIMESTAMP_LTZ(ts, 3)
) WITH ('connector' = 'datagen');
CREATE TABLE enriched_events (
  region STRING
) WITH ('connector' = 'print') LIKE base_events (EXCLUDING GENERATED EXCLUDING OPTIONS);
INSERT INTO enriched_events SELECT id, payload, ts, 'eu' FROM base_events;
