CREATE TABLE payments (pay_id STRING, account_id STRING, amount DECIMAL(18, 2), proc_time AS PROCTIME()) WITH ('connector' = 'kafka', 'topic' = 'payments', 'format' = 'json');
CREATE TABLE accounts (account_id STRING, owner STRING) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/acc', 'table-name' = 'accounts');
CREATE TABLE payment_owner (pay_id STRING, owner STRING, amount DECIMAL(18, 2)) WITH ('connector' = 'print');
INSERT INTO payment_owner
SELECT p.pay_id, a.owner, p.amount
FROM (
  SELECT pay_id, account_id, amount, proc_time
  FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY pay_id ORDER BY proc_time ASC) AS rn FROM payments
  ) WHERE rn = 1
) AS p
JOIN accounts FOR SYSTEM_TIME AS OF p.proc_time AS a ON p.account_id = a.account_id;
