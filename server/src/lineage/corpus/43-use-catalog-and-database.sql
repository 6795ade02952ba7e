CREATE CATALOG my_catalog WITH ('type' = 'generic_in_memory');
USE CATALOG my_catalog;
CREATE DATABASE IF NOT EXISTS analytics WITH ('owner' = 'data');
USE analytics;
CREATE TABLE clicks (uid STRING, url STRING) WITH ('connector' = 'datagen');
CREATE TABLE click_urls (url STRING) WITH ('connector' = 'print');
INSERT INTO click_urls SELECT url FROM clicks;
INSERT INTO analytics.click_urls SELECT UPPER(url) FROM my_catalog.analytics.clicks;
