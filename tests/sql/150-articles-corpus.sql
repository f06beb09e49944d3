-- news_articles over the sample corpus: which files and records it yields, in
-- which order, and invariants that hold whatever the cleaning rules become.
.mode list
SELECT count(*), count(DISTINCT path), sum(error IS NULL), sum(title IS NOT NULL), sum(words > 40)
FROM news_articles('tests/corpus');
SELECT format, count(*) FROM news_articles('tests/corpus') GROUP BY format ORDER BY format;
SELECT path, item, format FROM news_articles('tests/corpus');
-- bytes is the size of raw; a single-article file's raw is the whole file.
SELECT sum(bytes = length(CAST(raw AS BLOB))), sum(length(text) > 0), sum(repairs)
FROM news_articles('tests/corpus');
SELECT sum(mtime GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z')
FROM news_articles('tests/corpus');
-- A trailing slash names the same directory.
SELECT count(*) FROM news_articles('tests/corpus/');
-- Globs: one level, '**', a character class; a glob matching nothing is empty.
SELECT path FROM news_articles('tests/corpus/html/*.htm*');
SELECT count(*) FROM news_articles('tests/corpus/**/*.md');
SELECT path FROM news_articles('tests/corpus/*/[fn]*.json*') WHERE item = 1;
SELECT count(*) FROM news_articles('tests/corpus/*.nothing');
-- A glob matching a directory walks it.
SELECT count(*) FROM news_articles('tests/corpus/mark*');
-- One file named directly; hidden columns echo the arguments.
SELECT path, item, format, source, max_bytes FROM news_articles('tests/corpus/text/derby-report.txt');
SELECT count(*) FROM news_articles WHERE source = 'tests/corpus/html';
-- The source may come from another table (one scan per row).
SELECT s.column1, count(a.path)
FROM (VALUES ('tests/corpus/html'), ('tests/corpus/markdown')) AS s, news_articles(s.column1) a
GROUP BY s.column1;
