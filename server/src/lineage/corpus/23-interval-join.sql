CREATE TABLE Orders (id INT, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time) WITH ('connector' = 'datagen');
CREATE TABLE Shipments (order_id INT, ship_time TIMESTAMP(3), carrier STRING, WATERMARK FOR ship_time AS ship_time) WITH ('connector' = 'datagen');
CREATE TABLE shipped (id INT, carrier STRING, delay_hours INT) WITH ('connector' = 'print');
INSERT INTO shipped
SELECT o.id, s.carrier, TIMESTAMPDIFF(HOUR, o.order_time, s.ship_time)
FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;
