CREATE TABLE users (user_id BIGINT, first_name STRING, last_name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE user_view (id BIGINT, full_name STRING, age_next_year INT, source STRING) WITH ('connector' = 'print');
INSERT INTO user_view
SELECT
  user_id AS id,
  CONCAT(first_name, ' ', last_name) AS full_name,
  age + 1 AS age_next_year,
  'datagen' AS source
FROM users;
