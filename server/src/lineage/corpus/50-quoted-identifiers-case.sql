CREATE TABLE `Orders` (`Order-Id` BIGINT, `value` DOUBLE, `timestamp` TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TABLE `Out` (`id` BIGINT, `v` DOUBLE, `ts` TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO `OUT` SELECT `Order-Id`, `value` * 2, `timestamp` FROM orders;
