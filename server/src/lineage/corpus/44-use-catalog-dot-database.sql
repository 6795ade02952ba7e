USE cat1.db1;
CREATE TABLE t_in (a INT) WITH ('connector' = 'datagen');
CREATE TABLE t_out (a INT) WITH ('connector' = 'print');
INSERT INTO t_out SELECT a * 2 FROM t_in;
