CREATE TABLE pageviews (user_id BIGINT, page_id BIGINT, view_time TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TABLE pageview_log (user_id BIGINT, page_id BIGINT) WITH ('connector' = 'print');
CREATE TABLE page_counts (page_id BIGINT, cnt BIGINT) WITH ('connector' = 'print');
EXECUTE STATEMENT SET
BEGIN
  INSERT INTO pageview_log SELECT user_id, page_id FROM pageviews;
  INSERT INTO page_counts SELECT page_id, COUNT(user_id) FROM pageviews GROUP BY page_id;
END;
