CREATE TEMPORARY TABLE Orders (
  id INT,
  customer_id INT,
  total INT,
  proc_time AS PROCTIME()
) WITH ('connector' = 'datagen');

CREATE TEMPORARY TABLE Customers (
  id INT,
  name STRING,
  country STRING,
  zip STRING
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://mysqlhost:3306/customerdb',
  'table-name' = 'customers'
);

CREATE TABLE enriched (id INT, total INT, country STRING, zip STRING) WITH ('connector' = 'print');

INSERT INTO enriched
SELECT o.id, o.total, c.country, c.zip
FROM Orders AS o
  JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
    ON o.customer_id = c.id;
