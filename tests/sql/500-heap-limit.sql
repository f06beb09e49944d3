-- SQLite's hard heap limit covers the engine's memory: past it a call fails
-- with "out of memory" (SQLITE_NOMEM), never a crash, and the connection
-- stays usable. The 3 MB input itself fits under the 8 MB limit (line 6);
-- the engine's copies of it do not (lines 7 and 8).
PRAGMA hard_heap_limit=8000000;
SELECT length(printf('%.*c', 3000000, 'a'));
SELECT length(news_normalize(printf('%.*c', 3000000, 'a')));
SELECT count(*) FROM news_sentences(printf('%.*c', 3000000, 'a'));
SELECT news_normalize('Still  WORKS');
SELECT count(*) FROM news_sentences('One. Two. Three.');
-- NFKC expands U+FDFA to 18 characters: utf8proc's 7.2 MB working buffer
-- for this 0.3 MB input (1.8 MB of key) must count against the limit too.
SELECT length(news_normalize(replace(printf('%.*c', 100000, 'a'), 'a', char(65018))));
SELECT length(news_normalize(replace(printf('%.*c', 3000, 'a'), 'a', char(65018))));
