CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE hop_sink (item STRING, window_end TIMESTAMP(3), avg_price DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO hop_sink
SELECT item, window_end, AVG(price)
FROM TABLE(HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
GROUP BY item, window_start, window_end;
