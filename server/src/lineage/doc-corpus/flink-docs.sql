-- Statements from Flink's SQL reference (docs/content/docs/dev/table/sql/..., release-1.20 and master),
-- grouped into self-contained scripts: each script carries the DDL its statements need, with
-- datagen sources and blackhole/print sinks, so the SQL Gateway can check every statement without
-- running a job. Header lines of a script:
--   -- @script <name>            starts a script
--   -- @source <docs page>       where its statements come from ("gap" = a case reported in issue 19)
--   -- @flink accepted           every statement is accepted by the running Flink
--   -- @flink rejected <words>   Flink rejects one of its statements with a message containing <words>
--   -- @since <version>          syntax added in that Flink version; older versions reject it
-- The gateway check (lineage-doc-corpus.int.test.ts) proves the @flink lines; the unit test
-- (lineage-doc-corpus.test.ts) requires the analyser to read every statement of an accepted script.

-- @script select-where-functions
-- @source queries/select.md
-- @flink accepted
CREATE TABLE Orders (order_id BIGINT, `user` BIGINT, product STRING, amount INT, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE RubberOrders (product STRING, amount INT) WITH ('connector' = 'blackhole');
SELECT * FROM Orders;
SELECT order_id, amount FROM Orders WHERE product LIKE '%Rubber%';
SELECT UPPER(product), CAST(order_id AS STRING) FROM Orders;
SELECT order_id, price + tax FROM (VALUES (1, 2.0, 2.0), (2, 3.0, 3.0)) AS t (order_id, price, tax);
INSERT INTO RubberOrders SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%';
SELECT DISTINCT product FROM Orders;

-- @script with-clause
-- @source queries/with.md
-- @flink accepted
CREATE TABLE Orders (order_id BIGINT, product STRING, amount INT, price DOUBLE) WITH ('connector' = 'datagen');
CREATE TABLE Totals (product STRING, total DOUBLE) WITH ('connector' = 'blackhole');
WITH orders_with_total AS (
    SELECT order_id, price + amount AS total
    FROM Orders
)
SELECT order_id, SUM(total)
FROM orders_with_total
GROUP BY order_id;
INSERT INTO Totals
WITH t AS (SELECT product, price * amount AS total FROM Orders)
SELECT product, SUM(total) FROM t GROUP BY product;

-- @script group-aggregation
-- @source queries/group-agg.md
-- @flink accepted
CREATE TABLE Orders (order_id BIGINT, supplier_id STRING, product STRING, rating INT, price DOUBLE) WITH ('connector' = 'datagen');
CREATE TABLE SupplierStats (supplier_id STRING, rating INT, total BIGINT) WITH ('connector' = 'print');
SELECT COUNT(*) FROM Orders;
SELECT COUNT(DISTINCT order_id) FROM Orders;
SELECT supplier_id, rating, COUNT(*) AS total
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS ((supplier_id, rating), (supplier_id), ());
SELECT supplier_id, rating, COUNT(*)
FROM (VALUES ('supplier1', 'product1', 4), ('supplier2', 'product3', 3)) AS Products(supplier_id, product_id, rating)
GROUP BY ROLLUP (supplier_id, rating);
SELECT supplier_id, rating, product_id, COUNT(*)
FROM (VALUES ('supplier1', 'product1', 4), ('supplier2', 'product3', 3)) AS Products(supplier_id, product_id, rating)
GROUP BY CUBE (supplier_id, rating, product_id);
SELECT SUM(price) FROM Orders GROUP BY product HAVING SUM(price) > 50;
INSERT INTO SupplierStats SELECT supplier_id, rating, COUNT(*) FROM Orders GROUP BY supplier_id, rating;

-- @script over-aggregation
-- @source queries/over-agg.md
-- @flink accepted
CREATE TABLE Orders (order_id BIGINT, product STRING, amount INT, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE OrderSums (order_id BIGINT, order_time TIMESTAMP(3), amount INT, sum_amount INT, avg_amount INT) WITH ('connector' = 'blackhole');
SELECT order_id, order_time, amount,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;
SELECT order_id, order_time, amount,
  SUM(amount) OVER w AS sum_amount,
  AVG(amount) OVER w AS avg_amount
FROM Orders
WINDOW w AS (
  PARTITION BY product
  ORDER BY order_time
  RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW);
SELECT order_id, SUM(amount) OVER (PARTITION BY product ORDER BY order_time ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) FROM Orders;
INSERT INTO OrderSums
SELECT order_id, order_time, amount,
  SUM(amount) OVER w AS sum_amount,
  AVG(amount) OVER w AS avg_amount
FROM Orders
WINDOW w AS (PARTITION BY product ORDER BY order_time RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW);

-- @script over-window-without-as
-- @source gap
-- @flink accepted
CREATE TABLE Orders (order_id BIGINT, product STRING, amount INT, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE OrderSums (product STRING, total INT, cnt BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO OrderSums
SELECT product, SUM(amount) OVER w, COUNT(*) OVER w AS cnt
FROM Orders
WINDOW w AS (PARTITION BY product ORDER BY order_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW);
SELECT product, SUM(amount) OVER (PARTITION BY product ORDER BY order_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) + 1 AS bumped FROM Orders;

-- @script window-tvf-functions
-- @source queries/window-tvf.md
-- @flink accepted
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
SELECT * FROM TABLE(
   TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES));
SELECT * FROM TABLE(
   TUMBLE(
     DATA => TABLE Bid,
     TIMECOL => DESCRIPTOR(bidtime),
     SIZE => INTERVAL '10' MINUTES));
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
SELECT * FROM TABLE(
    HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES));
SELECT * FROM TABLE(
    HOP(
      DATA => TABLE Bid,
      TIMECOL => DESCRIPTOR(bidtime),
      SLIDE => INTERVAL '5' MINUTES,
      SIZE => INTERVAL '10' MINUTES));
SELECT * FROM TABLE(
    CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES));
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
SELECT * FROM TABLE(
   TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES, INTERVAL '1' MINUTES));
SELECT * FROM TABLE(
    SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES));
SELECT window_start, window_end, item, SUM(price) AS total_price
  FROM TABLE(
    SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY item, window_start, window_end;

-- @script window-tvf-alias
-- @source gap
-- @flink accepted
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE ItemWindows (item STRING, window_start TIMESTAMP(3), total DECIMAL(10, 2)) WITH ('connector' = 'blackhole');
INSERT INTO ItemWindows
SELECT w.item, w.window_start, SUM(w.price)
FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) AS w
GROUP BY w.item, w.window_start, w.window_end;
SELECT t.window_end, COUNT(*) FROM TABLE(HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES)) t
GROUP BY t.window_start, t.window_end;

-- @script window-aggregation
-- @source queries/window-agg.md
-- @flink accepted
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE WindowTotals (window_start TIMESTAMP(3), window_end TIMESTAMP(3), total_price DECIMAL(38, 2)) WITH ('connector' = 'blackhole');
SELECT window_start, window_end, supplier_id, SUM(price) as price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, GROUPING SETS ((supplier_id), ());
SELECT window_start, window_end, supplier_id, SUM(price) as price
FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end, ROLLUP (supplier_id);
SELECT window_start, window_end, item, supplier_id, SUM(price) as price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, CUBE (supplier_id, item);
CREATE VIEW window1 AS
SELECT window_start AS first_start, window_end AS first_end, window_time as rowtime, SUM(price) as partial_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY supplier_id, window_start, window_end, window_time;
INSERT INTO WindowTotals
SELECT window_start, window_end, SUM(partial_price) as total_price
  FROM TABLE(TUMBLE(TABLE window1, DESCRIPTOR(rowtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;

-- @script window-aggregation-cascading-as-documented
-- @source queries/window-agg.md (the cascading example as printed: its view keeps window_start, which the second TVF adds again)
-- @flink rejected Column 'window_start' is ambiguous
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE VIEW window1 AS
SELECT window_start, window_end, window_time as rowtime, SUM(price) as partial_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY supplier_id, window_start, window_end, window_time;
SELECT window_start, window_end, SUM(partial_price) as total_price
  FROM TABLE(
      TUMBLE(TABLE window1, DESCRIPTOR(rowtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;

-- @script group-window-aggregation
-- @source queries/window-agg.md
-- @flink accepted
CREATE TABLE Orders (`user` BIGINT, product STRING, amount INT, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' MINUTE) WITH ('connector' = 'datagen');
SELECT
  `user`,
  TUMBLE_START(order_time, INTERVAL '1' DAY) AS wStart,
  SUM(amount) FROM Orders
GROUP BY
  TUMBLE(order_time, INTERVAL '1' DAY),
  `user`;

-- @script window-topn-dedup-join
-- @source queries/window-topn.md, queries/window-deduplication.md, queries/window-join.md
-- @flink accepted
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE LeftTable (row_time TIMESTAMP(3), num INT, id STRING,
  WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE RightTable (row_time TIMESTAMP(3), num INT, id STRING,
  WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
SELECT *
  FROM (
    SELECT bidtime, price, item, supplier_id, window_start, window_end,
      ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) as rownum
    FROM TABLE(
               TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  ) WHERE rownum <= 3;
SELECT *
  FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) as rownum
    FROM (
      SELECT window_start, window_end, supplier_id, SUM(price) as price, COUNT(*) as cnt
      FROM TABLE(
        TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
      GROUP BY window_start, window_end, supplier_id
    )
  ) WHERE rownum <= 3;
SELECT *
  FROM (
    SELECT bidtime, price, item, supplier_id, window_start, window_end,
      ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY bidtime DESC) AS rownum
    FROM TABLE(
               TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  ) WHERE rownum <= 1;
SELECT L.num as L_Num, L.id as L_Id, R.num as R_Num, R.id as R_Id,
       COALESCE(L.window_start, R.window_start) as window_start,
       COALESCE(L.window_end, R.window_end) as window_end
       FROM (
           SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
       ) L
       FULL JOIN (
           SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
       ) R
       ON L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end;
SELECT *
       FROM (
           SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
       ) L WHERE L.num IN (
         SELECT num FROM (
           SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
         ) R WHERE L.window_start = R.window_start AND L.window_end = R.window_end);

-- @script topn-and-deduplication
-- @source queries/topn.md, queries/deduplication.md
-- @flink accepted
CREATE TABLE ShopSales (product_id STRING, category STRING, product_name STRING, sales BIGINT) WITH ('connector' = 'datagen');
CREATE TABLE Orders (order_id STRING, `user` STRING, product STRING, num BIGINT, proctime AS PROCTIME()) WITH ('connector' = 'datagen');
SELECT *
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;
SELECT product_id, category, product_name, sales
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;
SELECT order_id, `user`, product, num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proctime ASC) AS row_num
  FROM Orders)
WHERE row_num = 1;

-- @script joins
-- @source queries/joins.md
-- @flink accepted
CREATE TABLE Orders (id BIGINT, order_id STRING, product_id STRING, price DECIMAL(32, 2), currency STRING,
  order_time TIMESTAMP(3), proc_time AS PROCTIME(), WATERMARK FOR order_time AS order_time - INTERVAL '15' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE Product (id STRING, name STRING) WITH ('connector' = 'datagen');
CREATE TABLE Shipments (id STRING, order_id STRING, ship_time TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TABLE currency_rates (currency STRING, conversion_rate DECIMAL(32, 2), update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time - INTERVAL '15' SECOND, PRIMARY KEY (currency) NOT ENFORCED) WITH ('connector' = 'datagen');
CREATE TABLE Customers (id BIGINT, name STRING, country STRING, zip STRING) WITH ('connector' = 'datagen');
CREATE TABLE orders_with_array (order_id STRING, tags ARRAY<STRING>) WITH ('connector' = 'datagen');
SELECT * FROM Orders
INNER JOIN Product
ON Orders.product_id = Product.id;
SELECT * FROM Orders
LEFT JOIN Product
ON Orders.product_id = Product.id;
SELECT * FROM Orders
FULL OUTER JOIN Product
ON Orders.product_id = Product.id;
SELECT *
FROM Orders o, Shipments s
WHERE o.order_id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;
SELECT
     order_id,
     price,
     Orders.currency,
     conversion_rate,
     order_time
FROM Orders
LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF Orders.order_time
ON Orders.currency = currency_rates.currency;
SELECT order_id, tag
FROM orders_with_array CROSS JOIN UNNEST(tags) AS t (tag);

-- @script set-operations-order-limit
-- @source queries/set-ops.md, queries/orderby.md, queries/limit.md
-- @flink accepted
CREATE TABLE t1 (s STRING) WITH ('connector' = 'datagen');
CREATE TABLE t2 (s STRING) WITH ('connector' = 'datagen');
CREATE TABLE Orders (order_id BIGINT, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time) WITH ('connector' = 'datagen');
(SELECT s FROM t1) UNION (SELECT s FROM t2);
(SELECT s FROM t1) UNION ALL (SELECT s FROM t2);
(SELECT s FROM t1) INTERSECT (SELECT s FROM t2);
(SELECT s FROM t1) EXCEPT ALL (SELECT s FROM t2);
SELECT s FROM t1 WHERE s IN (SELECT s FROM t2);
SELECT s FROM t1 WHERE EXISTS (SELECT s FROM t2);
SELECT * FROM Orders ORDER BY order_time, order_id;
SELECT * FROM Orders ORDER BY order_time LIMIT 3;

-- @script limit-offset-fetch-filter
-- @source queries/limit.md, queries/orderby.md, queries/group-agg.md (FILTER)
-- @flink accepted
CREATE TABLE Orders (order_id BIGINT, product STRING, amount INT, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time) WITH ('connector' = 'datagen');
CREATE TABLE BigCounts (product STRING, big BIGINT, total BIGINT) WITH ('connector' = 'blackhole');
SELECT * FROM Orders LIMIT 3 OFFSET 2;
SELECT * FROM Orders ORDER BY order_time FETCH FIRST 3 ROWS ONLY;
SELECT * FROM Orders ORDER BY order_time OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY;
INSERT INTO BigCounts
SELECT product, COUNT(*) FILTER (WHERE amount > 10), SUM(amount) FILTER (WHERE amount > 0) FROM Orders GROUP BY product;

-- @script qualify
-- @source gap: QUALIFY, which the Flink 2.x parser accepts (checked on 2.3.0) though the docs pages read here do not show it
-- @since 2.0
-- @flink accepted
CREATE TABLE Orders (order_id STRING, product STRING, amount BIGINT, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time) WITH ('connector' = 'datagen');
CREATE TABLE FirstOrders (order_id STRING, product STRING) WITH ('connector' = 'blackhole');
INSERT INTO FirstOrders
SELECT order_id, product FROM Orders
QUALIFY ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY order_time) = 1;
SELECT product, amount FROM (
  SELECT product, amount FROM Orders QUALIFY ROW_NUMBER() OVER (PARTITION BY product ORDER BY order_time DESC) <= 3
);

-- @script row-level-dml-needs-a-connector
-- @source delete.md, update.md, truncate.md (batch mode; no connector in the distribution supports them)
-- @flink rejected Unable to create a source for reading table
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE Users (id INT, name STRING) WITH ('connector' = 'blackhole');
DELETE FROM Users WHERE id = 1;
UPDATE Users SET name = 'x' WHERE id = 1;
TRUNCATE TABLE Users;

-- @script match-recognize
-- @source queries/match_recognize.md
-- @flink accepted
CREATE TABLE Ticker (symbol STRING, price BIGINT, tax BIGINT, rowtime TIMESTAMP(3),
  WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE MyTable (userid STRING, id BIGINT, name STRING, proctime AS PROCTIME()) WITH ('connector' = 'datagen');
CREATE TABLE PriceDrops (symbol STRING, start_tstamp TIMESTAMP(3), bottom_tstamp TIMESTAMP(3), end_tstamp TIMESTAMP(3)) WITH ('connector' = 'blackhole');
CREATE TABLE AveragePrices (symbol STRING, start_tstamp TIMESTAMP(3), end_tstamp TIMESTAMP(3), avgPrice BIGINT) WITH ('connector' = 'blackhole');
SELECT T.aid, T.bid, T.cid
FROM MyTable
    MATCH_RECOGNIZE (
      PARTITION BY userid
      ORDER BY proctime
      MEASURES
        A.id AS aid,
        B.id AS bid,
        C.id AS cid
      PATTERN (A B C)
      DEFINE
        A AS name = 'a',
        B AS name = 'b',
        C AS name = 'c'
    ) AS T;
INSERT INTO PriceDrops
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            START_ROW.rowtime AS start_tstamp,
            LAST(PRICE_DOWN.rowtime) AS bottom_tstamp,
            LAST(PRICE_UP.rowtime) AS end_tstamp
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO LAST PRICE_UP
        PATTERN (START_ROW PRICE_DOWN+ PRICE_UP)
        DEFINE
            PRICE_DOWN AS
                (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price) OR
                    PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1),
            PRICE_UP AS
                PRICE_UP.price > LAST(PRICE_DOWN.price, 1)
    ) MR;
INSERT INTO AveragePrices
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            FIRST(A.rowtime) AS start_tstamp,
            LAST(A.rowtime) AS end_tstamp,
            AVG(A.price) AS avgPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A+ B)
        DEFINE
            A AS AVG(A.price) < 15
    ) MR;
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS lastPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B* C)
        DEFINE
            A AS A.price > 10,
            B AS B.price < 15,
            C AS C.price > 12
    );
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.rowtime AS dropTime,
            A.price - C.price AS dropDiff
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B* C) WITHIN INTERVAL '1' HOUR
        DEFINE
            B AS B.price > A.price - 10,
            C AS C.price < A.price - 10
    );

-- @script string-function-forms
-- @source functions/systemFunctions.md (gap: SUBSTRING FROM FOR, TRIM BOTH FROM, CHAR_LENGTH)
-- @flink accepted
CREATE TABLE Users (id BIGINT, name STRING, email STRING, created TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TABLE UserCodes (code STRING, name_length INT, cleaned STRING, yr BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO UserCodes
SELECT SUBSTRING(name FROM 1 FOR 3), CHAR_LENGTH(name), TRIM(BOTH ' ' FROM email), EXTRACT(YEAR FROM created)
FROM Users;
SELECT SUBSTRING(name FROM 2), TRIM(LEADING 'x' FROM name), TRIM(TRAILING FROM name), TRIM(name),
  CHARACTER_LENGTH(name), POSITION('@' IN email), OVERLAY(email PLACING '***' FROM 1 FOR 3),
  UPPER(name), LOWER(name), INITCAP(name), CONCAT(name, email), CONCAT_WS('-', name, email),
  LPAD(name, 10, '*'), RPAD(name, 10, '*'), REPLACE(email, '@', ' at '), REGEXP_EXTRACT(email, '(.*)@', 1),
  SPLIT_INDEX(email, '@', 1), SUBSTR(name, 1, 2), MD5(email), TO_BASE64(name)
FROM Users;
SELECT CAST(id AS STRING), TRY_CAST(name AS INT), CASE WHEN id > 10 THEN 'big' ELSE 'small' END,
  COALESCE(name, 'none'), IF(id > 0, name, email), NULLIF(name, ''), name IS NULL, id BETWEEN 1 AND 10,
  DATE_FORMAT(created, 'yyyy-MM-dd'), TIMESTAMPADD(DAY, 1, created), TIMESTAMPDIFF(HOUR, created, created),
  FLOOR(created TO HOUR), CEIL(created TO DAY), CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_DATE,
  JSON_VALUE(email, '$.a'), JSON_OBJECT(KEY 'n' VALUE name), ROW(id, name), ARRAY[name, email], MAP['k', name]
FROM Users;

-- @script create-table-columns
-- @source create.md
-- @flink accepted
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `name` STRING
) WITH (
  'connector' = 'datagen'
);
CREATE TABLE MyTable2 (
  `user_id` BIGINT,
  `name` STRING,
  `record_time` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'
) WITH (
  'connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'localhost:9092', 'format' = 'json'
);
CREATE TABLE MyTable3 (
  `user_id` BIGINT,
  `price` DOUBLE,
  `quantity` DOUBLE,
  `cost` AS price * quantity
) WITH (
  'connector' = 'datagen'
);
CREATE TABLE Orders (
    `user` BIGINT,
    product STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ( 'connector' = 'datagen' );
CREATE TABLE KeyedUsers (
  id BIGINT PRIMARY KEY NOT ENFORCED COMMENT 'the key',
  name STRING COMMENT 'display name'
) COMMENT 'users with a key' WITH ('connector' = 'blackhole');
CREATE TABLE KeyedUsers2 (
  id BIGINT,
  region STRING,
  name STRING,
  CONSTRAINT pk_users PRIMARY KEY (id, region) NOT ENFORCED
) WITH ('connector' = 'blackhole');
CREATE TABLE IF NOT EXISTS PartitionedOrders (
  `user` BIGINT,
  product STRING,
  dt STRING
) PARTITIONED BY (dt) WITH ('connector' = 'blackhole');
CREATE TEMPORARY TABLE ProcOrders (
  product STRING,
  amount INT,
  proc AS PROCTIME(),
  amount_doubled AS amount * 2 COMMENT 'twice the amount'
) WITH ('connector' = 'datagen');
CREATE TABLE Nested (id BIGINT, payload ROW<a INT, b STRING>, tags ARRAY<STRING>, attrs MAP<STRING, STRING>) WITH ('connector' = 'datagen');
INSERT INTO KeyedUsers SELECT user_id, `name` FROM MyTable;
INSERT INTO KeyedUsers2 SELECT user_id, 'eu', `name` FROM MyTable;
INSERT INTO PartitionedOrders SELECT `user`, product, DATE_FORMAT(order_time, 'yyyy-MM-dd') FROM Orders;
INSERT INTO PartitionedOrders PARTITION (dt = '2024-01-01') SELECT `user`, product FROM Orders;
SELECT user_id, cost FROM MyTable3;
SELECT id, payload.a, tags[1], attrs['k'] FROM Nested;

-- @script create-table-distributed
-- @source create.md (DISTRIBUTED BY, Flink 1.20+)
-- @flink accepted
CREATE TABLE MyTable (uid BIGINT, name STRING) DISTRIBUTED BY HASH(uid) INTO 4 BUCKETS WITH ('connector' = 'datagen');
CREATE TABLE MyTable2 (uid BIGINT, name STRING) DISTRIBUTED BY (uid) INTO 4 BUCKETS WITH ('connector' = 'datagen');
CREATE TABLE MyTable3 (uid BIGINT, name STRING) DISTRIBUTED BY (uid) WITH ('connector' = 'datagen');
CREATE TABLE MyTable4 (uid BIGINT, name STRING) DISTRIBUTED INTO 4 BUCKETS WITH ('connector' = 'datagen');
CREATE TABLE MyTable5 (uid BIGINT, name STRING, PRIMARY KEY (uid) NOT ENFORCED) COMMENT 'bucketed'
  DISTRIBUTED BY RANGE(uid) INTO 2 BUCKETS PARTITIONED BY (name) WITH ('connector' = 'datagen');
CREATE TABLE Copied DISTRIBUTED BY HASH(uid) INTO 2 BUCKETS WITH ('connector' = 'datagen') LIKE MyTable3 (EXCLUDING DISTRIBUTION);
CREATE TABLE Names (uid BIGINT, name STRING) WITH ('connector' = 'blackhole');
INSERT INTO Names SELECT uid, UPPER(name) FROM MyTable;
INSERT INTO Names SELECT * FROM Copied;

-- @script create-table-metadata-virtual
-- @source create.md
-- @flink accepted
CREATE TABLE MyTable (
  `timestamp` TIMESTAMP_LTZ(3) METADATA,
  `offset` BIGINT METADATA VIRTUAL,
  `user_id` BIGINT,
  `name` STRING
) WITH (
  'connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'localhost:9092', 'format' = 'json'
);

-- @script create-table-like
-- @source create.md
-- @flink accepted
CREATE TABLE Orders (
    `user` BIGINT,
    product STRING,
    order_time TIMESTAMP(3)
) WITH (
    'connector' = 'datagen',
    'rows-per-second' = '5'
);
CREATE TABLE Orders_with_watermark (
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'rows-per-second' = '10'
)
LIKE Orders;
CREATE TABLE Orders_in_file (
    `user` BIGINT,
    product STRING,
    order_time_string STRING,
    order_time AS to_timestamp(order_time_string)
)
PARTITIONED BY (`user`)
WITH (
    'connector' = 'filesystem',
    'path' = 'file:///tmp/weir-lineage-doc-corpus',
    'format' = 'csv'
);
CREATE TABLE Orders_in_kafka WITH (
    'connector' = 'blackhole'
)
LIKE Orders_in_file (
    EXCLUDING OPTIONS
    EXCLUDING PARTITIONS
);
CREATE TABLE Orders_copy WITH ('connector' = 'blackhole') LIKE Orders (EXCLUDING OPTIONS);
CREATE TABLE Orders_more (extra STRING, shout AS UPPER(product)) WITH ('connector' = 'blackhole') LIKE Orders (EXCLUDING OPTIONS);
CREATE TABLE Sink (`user` BIGINT, product STRING, order_time TIMESTAMP(3)) WITH ('connector' = 'blackhole');
INSERT INTO Sink SELECT * FROM Orders_with_watermark;
INSERT INTO Orders_copy SELECT `user`, product, order_time FROM Orders;
INSERT INTO Orders_in_kafka SELECT `user`, product, order_time_string FROM Orders_in_file;
INSERT INTO Orders_more SELECT `user`, product, order_time, product FROM Orders;

-- @script create-table-as-select
-- @source create.md
-- @flink accepted
-- @runs-job a bounded one-row job: the gateway cannot EXPLAIN a CREATE TABLE AS SELECT in 1.20
CREATE TABLE source_table (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE my_ctas_table
WITH (
    'connector' = 'blackhole'
)
AS SELECT id, name, age FROM source_table WHERE mod(id, 10) = 0;

-- @script create-or-replace-table-as-select
-- @source create.md
-- @flink accepted
-- @runs-job a bounded one-row job: the gateway cannot EXPLAIN a REPLACE TABLE AS SELECT in 1.20
CREATE TABLE source_table (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE OR REPLACE TABLE my_rtas_table
WITH (
    'connector' = 'blackhole'
)
AS SELECT id, name, age FROM source_table WHERE mod(id, 10) = 0;

-- @script create-table-as-select-with-columns
-- @source create.md (master: CTAS may declare columns, a watermark and a primary key)
-- @since 2.0
-- @flink accepted
-- @runs-job a bounded one-row job
CREATE TABLE source_table (id BIGINT, name STRING, age INT, ts TIMESTAMP(3)) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE my_ctas_table (
    id BIGINT,
    name STRING,
    age INT,
    ts TIMESTAMP(3),
    WATERMARK FOR ts AS ts - INTERVAL '1' SECOND,
    PRIMARY KEY (id) NOT ENFORCED
) WITH (
    'connector' = 'blackhole'
) AS SELECT COALESCE(id, 0) AS id, name, age, ts FROM source_table;

-- @script create-view-function-catalog-database
-- @source create.md, use.md
-- @flink accepted
CREATE CATALOG my_catalog WITH ('type' = 'generic_in_memory');
CREATE DATABASE IF NOT EXISTS my_catalog.my_db COMMENT 'a database' WITH ('k' = 'v');
USE CATALOG my_catalog;
USE my_db;
CREATE TABLE Orders (product STRING, amount INT) WITH ('connector' = 'datagen');
CREATE TEMPORARY VIEW IF NOT EXISTS BigOrders (product_name, qty) COMMENT 'big ones' AS SELECT product, amount FROM Orders WHERE amount > 10;
CREATE VIEW my_catalog.my_db.OrderCounts AS SELECT product, COUNT(*) AS cnt FROM Orders GROUP BY product;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS my_upper AS 'org.apache.flink.table.functions.BuiltInFunctionDefinitions' LANGUAGE JAVA;
SELECT product_name, qty FROM BigOrders;
SELECT * FROM OrderCounts;

-- @script insert-forms
-- @source insert.md
-- @flink accepted
CREATE TABLE country_page_view (user_id BIGINT, cnt INT, `date` STRING, country STRING)
PARTITIONED BY (`date`, country) WITH ('connector' = 'blackhole');
CREATE TABLE page_view_source (user_id BIGINT, cnt INT, `date` STRING, country STRING) WITH ('connector' = 'datagen');
CREATE TABLE students (name STRING, age INT, gpa DECIMAL(3, 2)) WITH ('connector' = 'blackhole');
INSERT INTO country_page_view PARTITION (`date`='2019-8-30', country='China')
  SELECT user_id, cnt FROM page_view_source;
INSERT INTO country_page_view PARTITION (`date`='2019-8-30')
  SELECT user_id, cnt, country FROM page_view_source;
INSERT INTO country_page_view PARTITION (`date`='2019-8-30', country='China') (user_id)
  SELECT user_id FROM page_view_source;
INSERT INTO students
  VALUES ('fred flintstone', 35, 1.28), ('barney rubble', 32, 2.32);
INSERT INTO country_page_view SELECT * FROM page_view_source;
EXECUTE STATEMENT SET
BEGIN
INSERT INTO students
  VALUES ('fred flintstone', 35, 1.28), ('barney rubble', 32, 2.32);
INSERT INTO country_page_view SELECT user_id, cnt, `date`, country FROM page_view_source;
END;

-- @script other-statement-kinds
-- @source show.md, describe.md, explain.md, alter.md, drop.md, load.md, set.md, reset.md
-- @flink accepted
CREATE TABLE Orders (product STRING, amount INT) WITH ('connector' = 'datagen');
SHOW TABLES;
SHOW CREATE TABLE Orders;
DESCRIBE Orders;
DESC Orders;
EXPLAIN PLAN FOR SELECT product, amount FROM Orders;
EXPLAIN ESTIMATED_COST, CHANGELOG_MODE SELECT product, amount FROM Orders;
SET 'table.local-time-zone' = 'UTC';
RESET 'table.local-time-zone';
ALTER TABLE Orders ADD note STRING COMMENT 'a note';
ALTER TABLE Orders RENAME amount TO quantity;
ALTER TABLE Orders SET ('rows-per-second' = '2');
SHOW FUNCTIONS;
SHOW CURRENT CATALOG;
SHOW DATABASES;
SHOW VIEWS;
SHOW MODULES;
SHOW JOBS;
DESCRIBE EXTENDED Orders;
DROP TABLE IF EXISTS Orders;
DROP TEMPORARY VIEW IF EXISTS NoSuchView;

-- @script ddl-rejected-by-flink
-- @source create.md (what the docs call unsupported: a CTAS into a temporary table)
-- @flink rejected does not support to create temporary table yet
CREATE TABLE source_table (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TEMPORARY TABLE my_ctas_table WITH ('connector' = 'blackhole') AS SELECT id FROM source_table;

-- @script create-table-like-excluding-all-as-documented
-- @source create.md (the LIKE example as printed: EXCLUDING ALL INCLUDING GENERATED)
-- @flink rejected The rowtime attribute field 'order_time' is not defined in the table schema
CREATE TABLE Orders_in_file (
    `user` BIGINT,
    product STRING,
    order_time_string STRING,
    order_time AS to_timestamp(order_time_string)
)
PARTITIONED BY (`user`)
WITH (
    'connector' = 'filesystem',
    'path' = 'file:///tmp/weir-lineage-doc-corpus',
    'format' = 'csv'
);
CREATE TABLE Orders_in_kafka (
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'blackhole'
)
LIKE Orders_in_file (
    EXCLUDING ALL
    INCLUDING GENERATED
);
