SET 'execution.runtime-mode' = 'streaming';
SET 'table.exec.mini-batch.enabled' = 'true';
SET table.local-time-zone = Asia/Shanghai;
RESET 'pipeline.name';
CREATE TABLE src (k STRING, v INT) WITH ('connector' = 'datagen');
CREATE TABLE dst (k STRING, v INT) WITH ('connector' = 'print');
INSERT INTO dst SELECT k, v FROM src;
