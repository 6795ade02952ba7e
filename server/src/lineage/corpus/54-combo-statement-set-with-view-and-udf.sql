CREATE FUNCTION normalize_phone AS 'com.example.NormalizePhone';
CREATE TABLE contacts (id BIGINT, phone STRING, email STRING, updated_at TIMESTAMP(3)) WITH ('connector' = 'kafka', 'topic' = 'contacts', 'format' = 'json');
CREATE TEMPORARY VIEW normalized AS SELECT id, normalize_phone(phone) AS phone, LOWER(email) AS email FROM contacts;
CREATE TABLE phone_sink (id BIGINT, phone STRING) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/crm', 'table-name' = 'phones');
CREATE TABLE email_sink (id BIGINT, email STRING) WITH ('connector' = 'elasticsearch-7', 'hosts' = 'http://es:9200', 'index' = 'emails');
EXECUTE STATEMENT SET BEGIN
INSERT INTO phone_sink SELECT id, phone FROM normalized;
INSERT INTO email_sink SELECT id, email FROM normalized WHERE email LIKE '%@%';
END;
