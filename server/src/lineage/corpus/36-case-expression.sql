CREATE TABLE transactions (tx_id BIGINT, amount DOUBLE, country STRING, channel STRING) WITH ('connector' = 'kafka', 'topic' = 'tx', 'format' = 'avro');
CREATE TABLE classified (tx_id BIGINT, size_class STRING, region STRING) WITH ('connector' = 'print');
INSERT INTO classified
SELECT
  tx_id,
  CASE
    WHEN amount >= 1000 THEN 'large'
    WHEN amount >= 100 THEN 'medium'
    ELSE 'small'
  END AS size_class,
  CASE country WHEN 'DE' THEN 'EU' WHEN 'FR' THEN 'EU' ELSE channel END AS region
FROM transactions;
