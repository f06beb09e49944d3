-- news_articles: SQL errors for a bad source, error rows for bad files, the
-- size limit, and DIRECTONLY (no file reading from a database schema).
.mode list
SELECT count(*) FROM news_articles('tests/no-such-dir');
SELECT count(*) FROM news_articles('tests/no-such-dir/*.txt');
SELECT count(*) FROM news_articles(NULL);
SELECT count(*) FROM news_articles('tests/corpus', 0);
SELECT count(*) FROM news_articles('tests/corpus', 'big');
SELECT count(*) FROM news_articles;
-- A lowered limit: larger files are error rows with their size, the others
-- still come; content columns of an error row are NULL.
SELECT path, bytes, error, title IS NULL, text IS NULL, raw IS NULL, words IS NULL
FROM news_articles('tests/corpus/text', 1400);
SELECT count(*) FROM news_articles('tests/corpus', NULL);
-- SQLITE_LIMIT_LENGTH is a limit too: an error row, not a failed statement.
.limit length 1000
SELECT path, error FROM news_articles('tests/corpus/html') WHERE error IS NOT NULL;
.limit length 1000000000
-- Named directly, a device is an error row; it is never opened.
SELECT path, error FROM news_articles('/dev/null');
-- DIRECTONLY: a view or trigger in a database cannot read files.
CREATE VIEW leak AS SELECT raw FROM news_articles('/etc');
SELECT count(*) FROM leak;
CREATE TABLE t(x);
CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN
  INSERT INTO t SELECT count(*) FROM news_articles('tests/corpus');
END;
INSERT INTO t VALUES (1);
SELECT count(*) FROM t;
-- An OR on the table's own columns: SQLite also plans each branch alone,
-- without the source; that is no error (it once was "missing argument").
SELECT substr(path, 18) FROM news_articles('tests/corpus/text') a
WHERE a.path LIKE '%derby%' OR a.path LIKE '%port-strike%' ORDER BY 1;
SELECT count(*) FROM news_articles('tests/corpus') a, news_entities(a.text) e
WHERE e.type = 'PER' OR e.text LIKE 'Harbor%';
-- Without the argument a plan still exists for such a query, and running it is the error.
SELECT count(*) FROM news_sentences WHERE sentence = 1 OR text = 'x';
SELECT count(*) FROM news_dates WHERE type = 'DATE';
