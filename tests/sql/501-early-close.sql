-- Cursors closed mid-scan (LIMIT, an error in a later row) must release
-- their files and memory: `make test-leaks` (LeakSanitizer) and
-- `make test-valgrind` run this script and fail on any leak. The results
-- are counts, so that better models do not change them.
SELECT count(*) FROM (SELECT path FROM news_articles('tests/corpus') LIMIT 3);
SELECT path FROM news_articles('tests/corpus') LIMIT 1;
SELECT item, error FROM news_articles('tests/corpus/exports') LIMIT 2;
SELECT a.path, s.sentence FROM news_articles('tests/corpus/text') a, news_sentences(a.text) s LIMIT 2;
SELECT count(*) FROM (SELECT e.text FROM news_entities('Xi Jinping met Vladimir Putin in Moscow.') e LIMIT 1);
SELECT count(*) FROM (SELECT d.value FROM news_dates('March 3, 2023 and next week', '2023-01-01') d LIMIT 1);
SELECT count(*) > 0 FROM news_articles('tests/corpus') a, news_dates(a.text, a.published) d,
  news_entities(a.text) e WHERE a.rowid < 4;
SELECT CASE WHEN words > 0 THEN news_regexp('(', text) END FROM news_articles('tests/corpus');
SELECT 'still usable', count(*) FROM news_articles('tests/corpus/markdown');
