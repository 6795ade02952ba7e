CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE session_sink (item STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), total DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO session_sink
SELECT item, window_start, window_end, SUM(price)
FROM TABLE(
    SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
GROUP BY item, window_start, window_end;
