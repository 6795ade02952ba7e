CREATE TABLE dim_country (code STRING, name STRING) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://db:5432/dim', 'table-name' = 'country');
INSERT INTO dim_country VALUES ('DE', 'Germany'), ('FR', 'France');
