CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE cumulate_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), total DECIMAL(10, 2), cnt BIGINT) WITH ('connector' = 'print');
INSERT INTO cumulate_sink
SELECT window_start, window_end, SUM(price), COUNT(item)
FROM TABLE(
    CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;
