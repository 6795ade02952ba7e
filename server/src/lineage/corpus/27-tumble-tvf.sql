CREATE TABLE Bid (
  bidtime TIMESTAMP(3),
  price DECIMAL(10, 2),
  item STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE bid_windows (window_start TIMESTAMP(3), window_end TIMESTAMP(3), total_price DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO bid_windows
SELECT window_start, window_end, SUM(price)
FROM TABLE(
  TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;
