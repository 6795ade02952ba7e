CREATE TEMPORARY SYSTEM FUNCTION mask_email AS 'com.example.udf.MaskEmail' LANGUAGE JAVA;
CREATE FUNCTION geo_lookup AS 'com.example.udf.GeoLookup';
CREATE TABLE signups (id BIGINT, email STRING, ip STRING) WITH ('connector' = 'datagen');
CREATE TABLE safe_signups (id BIGINT, email STRING, city STRING) WITH ('connector' = 'print');
INSERT INTO safe_signups SELECT id, mask_email(email), geo_lookup(ip, 'city') FROM signups;
